package io.github.spndoctor.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One DNS alias (CNAME record) re-pointed: {@code alias} from {@code before} to {@code after}. On AD-integrated DNS
 * the record is a value of the alias's {@code dnsNode} in the directory, so this is one value deleted and one added,
 * as an SPN change is. SPN Doctor writes it only to the trainer's demo (the CNAME break and its undo); a real
 * directory refuses it ({@code Directory#applyAlias}). Immutable; {@link #inverse()} puts the alias back.
 */
public record AliasChange(String alias, String before, String after) {
    public AliasChange {
        alias = name(alias, "alias");
        before = name(before, "before");
        after = name(after, "after");
    }

    public AliasChange inverse() { return new AliasChange(alias, after, before); }

    /** A plain sentence: "Point the DNS alias reports.x at srv003.x (now srv004.x)". */
    public String description() { return "Point the DNS alias " + alias + " at " + after + " (now " + before + ")"; }

    /** The DNS zone the record lives in: the alias without its first label. */
    public String zone() { return alias.indexOf('.') < 0 ? alias : alias.substring(alias.indexOf('.') + 1); }

    /** The record's name within {@link #zone()}: the alias's first label. */
    public String recordName() { return alias.indexOf('.') < 0 ? alias : alias.substring(0, alias.indexOf('.')); }

    private static String name(String s, String what) {
        Objects.requireNonNull(s, what);
        String n = s.strip().toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        if (!n.matches("[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*") || n.length() > 253) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a DNS name.");
        }
        return n;
    }
}
