package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every value of a multi-valued attribute that a directory handed out in ranges ("range retrieval").
 *
 * <p>Active Directory sends at most MaxValRange values (1,500 by default) of one attribute per entry. An account with
 * more values arrives without the plain attribute, carrying {@code servicePrincipalName;range=0-1499} instead; the
 * client then reads the same entry again asking for {@code servicePrincipalName;range=1500-*} and goes on until the
 * server marks the last chunk with an end of {@code *}. Samba 4 does not cap a plain request (it returned all 1,600
 * values of a test account in one piece) but answers explicit range requests the same way, and leaves the attribute
 * out when the range starts past the last value.
 *
 * <p>Rules this class follows:
 * <ul>
 *   <li>A plain attribute in the entry is complete; it is used as is and nothing more is read.</li>
 *   <li>The range option is parsed strictly: {@code range=LOW-HIGH} or {@code range=LOW-*}, decimal digits only,
 *       {@code HIGH >= LOW}, both within int range. Anything else fails with a plain {@link DirectoryException}.</li>
 *   <li>Each follow-up read must start exactly where the previous chunk ended; a server that repeats or skips a range
 *       fails (it would otherwise loop forever or lose values). A bounded chunk must hold exactly HIGH-LOW+1 values.
 *       At most {@link #MAX_READS} follow-up reads are made for one attribute.</li>
 *   <li>Values can change between two reads: range retrieval is not a snapshot on AD either. When a follow-up read
 *       finds the attribute gone or an empty last range (values were removed, so the next range starts past the end),
 *       or the collected values
 *       repeat one (values were added in front and shifted), the attribute is read again from index 0, at most
 *       {@link #MAX_RESTARTS} times; if it keeps changing, the read fails instead of returning a list that may be
 *       wrong. When the whole entry is gone, the read fails with {@link Kind#NO_SUCH_ACCOUNT}.</li>
 * </ul>
 * Stateless and thread-safe when the given {@link LDAPInterface} is; follow-up reads are base-scope searches of the
 * entry's DN on that interface, so it must not be busy streaming another search (see {@link PagedScan}).
 */
public final class RangedValues {
    /** Follow-up reads allowed for one attribute of one entry before the server is declared endless. */
    static final int MAX_READS = 10_000;
    /** Times an attribute is re-read from the start when its values changed during the read. */
    static final int MAX_RESTARTS = 2;

    /** The multi-valued attributes of an account that SPN Doctor reads ({@link LdapDirectory#ACCOUNT_ATTRIBUTES}). */
    static final String[] ACCOUNT_MULTI_VALUED = {"objectClass", LdapDirectory.SPN, "msDS-AllowedToDelegateTo"};

    private RangedValues() {}

    /** {@link #complete} for the multi-valued attributes of an account. */
    static SearchResultEntry completeAccount(LDAPInterface conn, SearchResultEntry entry) throws DirectoryException {
        return complete(conn, entry, ACCOUNT_MULTI_VALUED);
    }

    /** {@link #completeIfPresent} for the multi-valued attributes of an account. */
    static Optional<SearchResultEntry> completeAccountIfPresent(LDAPInterface conn, SearchResultEntry entry)
            throws DirectoryException {
        return completeIfPresent(conn, entry, ACCOUNT_MULTI_VALUED);
    }

    /**
     * {@link #complete}, or empty when the entry was deleted before its remaining values could be read: it no longer
     * exists, so it holds nothing. For entries a search found, not for an entry a caller asked for by name.
     */
    static Optional<SearchResultEntry> completeIfPresent(LDAPInterface conn, SearchResultEntry entry,
                                                         String... attributes) throws DirectoryException {
        try {
            return Optional.of(complete(conn, entry, attributes));
        } catch (DirectoryException e) {
            if (e.kind() == Kind.NO_SUCH_ACCOUNT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** One {@code range=LOW-HIGH} option; {@code high == -1} stands for {@code *}, the last chunk. */
    record Range(int low, int high) {
        boolean last() { return high < 0; }

        /**
         * Parses a range option strictly, ignoring the case of the word "range" (attribute options are
         * case-insensitive). Returns empty when the option is not a range option at all.
         *
         * @throws IllegalArgumentException when it is a range option but malformed
         */
        static Optional<Range> parse(String option) {
            if (option.length() < 6 || !option.regionMatches(true, 0, "range=", 0, 6)) {
                return Optional.empty();
            }
            String spec = option.substring(6);
            int dash = spec.indexOf('-');
            if (dash < 0 || spec.indexOf('-', dash + 1) >= 0) {
                throw new IllegalArgumentException("malformed range option '" + option + "'");
            }
            int low = number(spec.substring(0, dash), option);
            String end = spec.substring(dash + 1);
            if (end.equals("*")) {
                return Optional.of(new Range(low, -1));
            }
            int high = number(end, option);
            if (high < low) {
                throw new IllegalArgumentException("range option '" + option + "' ends before it starts");
            }
            return Optional.of(new Range(low, high));
        }

        private static int number(String s, String option) {
            if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("malformed range option '" + option + "'");
            }
            long v = Long.parseLong(s);
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("range option '" + option + "' is out of bounds");
            }
            return (int) v;
        }
    }

    /** What an entry holds for one attribute: the plain values, one ranged chunk, or nothing. */
    private record Chunk(Range range, String[] values) {
        boolean plain() { return range == null; }
    }

    /** True when the entry carries at least one of {@code attributes} only in ranged form. */
    public static boolean isRanged(Entry entry, String... attributes) {
        for (String name : attributes) {
            if (entry.getAttribute(name) == null
                    && entry.getAttributes().stream().anyMatch(a -> a.getBaseName().equalsIgnoreCase(name) && hasRangeOption(a))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns {@code entry} with every ranged attribute among {@code attributes} replaced by a plain attribute holding
     * all its values; returns the entry itself when none is ranged (the common case: no extra read).
     *
     * @param conn the interface the entry was read from; follow-up reads go there
     * @throws DirectoryException when a follow-up read fails, the server misbehaves, or the entry vanished
     */
    public static SearchResultEntry complete(LDAPInterface conn, SearchResultEntry entry, String... attributes)
            throws DirectoryException {
        if (!isRanged(entry, attributes)) {
            return entry;
        }
        Set<String> names = new HashSet<>();
        List<Attribute> out = new ArrayList<>();
        for (String name : attributes) {
            if (isRanged(entry, name)) {
                names.add(name.toLowerCase(Locale.ROOT));
                List<String> all = values(conn, entry, name);
                if (!all.isEmpty()) {
                    out.add(new Attribute(name, all));
                }
            }
        }
        for (Attribute a : entry.getAttributes()) {
            if (!(names.contains(a.getBaseName().toLowerCase(Locale.ROOT)) && hasRangeOption(a))) {
                out.add(a);
            }
        }
        return new SearchResultEntry(entry.getMessageID(), entry.getDN(), out, entry.getControls());
    }

    /**
     * Every value of {@code attribute} in {@code entry}: the plain attribute if present, else the ranged chunk in the
     * entry followed by as many follow-up reads as needed. An absent attribute yields an empty list.
     *
     * @throws DirectoryException when a follow-up read fails, the server misbehaves, or the entry vanished
     */
    public static List<String> values(LDAPInterface conn, Entry entry, String attribute) throws DirectoryException {
        return values(conn, entry, attribute, MAX_READS);
    }

    static List<String> values(LDAPInterface conn, Entry entry, String attribute, int maxReads) throws DirectoryException {
        Chunk first = chunk(entry, attribute);
        if (first == null) {
            return List.of();
        }
        if (first.plain()) {
            return List.of(first.values());
        }
        String dn = entry.getDN();
        for (int attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
            // a restart, or an entry fetched from the middle of its values, reads again from the first value
            Chunk start = attempt == 0 && first.range().low() == 0 ? first : read(conn, dn, attribute, 0);
            if (start == null) {
                return List.of(); // the attribute is gone altogether: now it has no values
            }
            if (start.plain()) {
                return List.of(start.values());
            }
            check(start, 0, dn, attribute);
            Optional<List<String>> all = collect(conn, dn, attribute, start, maxReads);
            if (all.isPresent()) {
                return all.get();
            }
        }
        throw new DirectoryException(Kind.OTHER, "The values of " + attribute + " on " + dn
                + " kept changing while they were read. Try again in a moment.",
                "range retrieval restarted " + MAX_RESTARTS + " times", null);
    }

    /** Reads the chunks after {@code start}; empty when the values changed under the read (caller restarts). */
    private static Optional<List<String>> collect(LDAPInterface conn, String dn, String attribute, Chunk start,
                                                  int maxReads) throws DirectoryException {
        List<String> values = new ArrayList<>(Arrays.asList(start.values()));
        Range range = start.range();
        int reads = 0;
        while (!range.last()) {
            if (++reads > maxReads) {
                throw misbehaving(dn, attribute, "it was still sending more after " + maxReads + " reads ("
                        + values.size() + " values)");
            }
            int next = range.high() + 1;
            if (next < 0) {
                throw misbehaving(dn, attribute, "its ranges ran past the largest possible index");
            }
            Chunk c = read(conn, dn, attribute, next);
            if (c == null) {
                return Optional.empty(); // values were removed: the next range now starts past the end
            }
            if (c.plain()) {
                return Optional.of(List.of(c.values())); // the server ignored the range and sent everything
            }
            check(c, next, dn, attribute);
            if (c.values().length == 0) {
                return Optional.empty(); // an empty last range: values were removed, as when the attribute is gone
            }
            values.addAll(Arrays.asList(c.values()));
            range = c.range();
        }
        if (new HashSet<>(values).size() != values.size()) {
            return Optional.empty(); // a value showed up twice: values were added in front and shifted
        }
        return Optional.of(values);
    }

    private static void check(Chunk c, int expectedLow, String dn, String attribute) throws DirectoryException {
        Range r = c.range();
        if (r.low() != expectedLow) {
            throw misbehaving(dn, attribute, "asked for the values from index " + expectedLow
                    + ", it sent range " + r.low() + "-" + (r.last() ? "*" : r.high()));
        }
        if (!r.last() && c.values().length != r.high() - r.low() + 1) {
            throw misbehaving(dn, attribute, "range " + r.low() + "-" + r.high() + " came with "
                    + c.values().length + " values");
        }
    }

    /** One base-scope read of {@code attribute;range=low-*}; null when the entry holds no form of the attribute. */
    private static Chunk read(LDAPInterface conn, String dn, String attribute, int low) throws DirectoryException {
        SearchResultEntry e;
        try {
            SearchRequest request = new SearchRequest(dn, SearchScope.BASE, Filter.createPresenceFilter("objectClass"),
                    attribute + ";range=" + low + "-*");
            List<SearchResultEntry> entries = conn.search(request).getSearchEntries();
            e = entries.isEmpty() ? null : entries.get(0);
        } catch (LDAPException ex) {
            throw LdapErrors.map(ex, "reading the remaining " + attribute + " values of " + dn);
        }
        if (e == null) {
            throw new DirectoryException(Kind.NO_SUCH_ACCOUNT, "The account " + dn
                    + " disappeared while its " + attribute + " values were being read.");
        }
        return chunk(e, attribute);
    }

    private static Chunk chunk(Entry e, String attribute) throws DirectoryException {
        Attribute plain = e.getAttribute(attribute);
        if (plain != null) {
            return new Chunk(null, plain.getValues());
        }
        Attribute ranged = rangedAttribute(e, attribute);
        return ranged == null ? null : new Chunk(rangeOf(ranged, e), ranged.getValues());
    }

    /** The attribute of {@code e} named {@code name} with a range option, or null; two such attributes fail. */
    private static Attribute rangedAttribute(Entry e, String name) throws DirectoryException {
        Attribute found = null;
        for (Attribute a : e.getAttributes()) {
            if (a.getBaseName().equalsIgnoreCase(name) && hasRangeOption(a)) {
                if (found != null) {
                    throw misbehaving(e.getDN(), name, "two ranged forms in one entry: " + found.getName() + ", " + a.getName());
                }
                found = a;
            }
        }
        return found;
    }

    private static boolean hasRangeOption(Attribute a) {
        return a.hasOptions() && a.getOptions().stream().anyMatch(o -> o.regionMatches(true, 0, "range=", 0, 6));
    }

    private static Range rangeOf(Attribute a, Entry e) throws DirectoryException {
        Range found = null;
        for (String option : a.getOptions()) {
            Optional<Range> r;
            try {
                r = Range.parse(option);
            } catch (IllegalArgumentException bad) {
                throw misbehaving(e.getDN(), a.getBaseName(), bad.getMessage());
            }
            if (r.isPresent()) {
                if (found != null) {
                    throw misbehaving(e.getDN(), a.getBaseName(), "two range options in " + a.getName());
                }
                found = r.get();
            }
        }
        return found;
    }

    private static DirectoryException misbehaving(String dn, String attribute, String what) {
        return new DirectoryException(Kind.OTHER, "The directory server sent the values of " + attribute + " on " + dn
                + " in pieces that do not fit together, so they could not be read completely.",
                "range retrieval: " + what, null);
    }
}
