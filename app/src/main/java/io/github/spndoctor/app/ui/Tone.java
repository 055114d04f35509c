package io.github.spndoctor.app.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.fontawesome5.FontAwesomeSolid;

import java.util.Locale;

/**
 * How a status looks: an icon, a style class (its colour) and — always beside them — a word, so colour is never the
 * only signal. One tone per kind of news, from good to bad.
 */
public enum Tone {
    /** As it should be (the computer holds it). */
    GOOD(FontAwesomeSolid.CHECK_CIRCLE),
    /** Fine, though not literally held (answered through HOST/, an optional form nobody needs). */
    FINE(FontAwesomeSolid.INFO_CIRCLE),
    /** Needs attention, not necessarily broken (missing but needed, a warning). */
    WARNING(FontAwesomeSolid.EXCLAMATION_TRIANGLE),
    /** Wrong: breaks Kerberos (wrong account, duplicate, failed). */
    BAD(FontAwesomeSolid.TIMES_CIRCLE),
    /** Not known (a failed or stopped lookup): never looks healthy. */
    UNKNOWN(FontAwesomeSolid.QUESTION_CIRCLE);

    private final Ikon icon;

    Tone(Ikon icon) {
        this.icon = icon;
    }

    public Ikon icon() { return icon; }

    /** The style class carrying the colour ({@code tone-good}, …, defined in app.css). */
    public String styleClass() { return "tone-" + name().toLowerCase(Locale.ROOT); }

    /**
     * The tone of a per-SPN status id (core's {@code LookupResult.Status.id()}, and the finer statuses core may add):
     * ok / held-by-computer good; answered-by-host / optional fine; missing(-needed) warning; wrong-account /
     * duplicate bad; anything else unknown.
     */
    public static Tone ofSpnStatus(String id) {
        return switch (id == null ? "" : id) {
            case "ok", "held-by-computer" -> GOOD;
            case "answered-by-host", "answered-through-host", "optional", "optional-absent", "not-needed" -> FINE;
            case "missing", "missing-needed" -> WARNING;
            case "wrong-account", "duplicate" -> BAD;
            default -> UNKNOWN;
        };
    }
}
