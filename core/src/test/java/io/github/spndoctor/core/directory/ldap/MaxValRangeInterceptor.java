package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test fixture: makes an UnboundID in-memory server hand out multi-valued attributes in ranges, the way an Active
 * Directory domain controller does. Neither the in-memory server nor Samba cuts a plain request short, so without this
 * the range-retrieval code would never run in a unit test.
 *
 * <p>What it copies from AD (Microsoft's "Searching Using Range Retrieval" and the MaxValRange setting of the LDAP
 * query policy, described here in our own words):
 * <ul>
 *   <li>A plain request for an attribute with more than {@code N} values (N = MaxValRange, 1,500 on a default
 *       forest, settable here) returns no plain attribute; it returns {@code attr;range=0-(N-1)} with the first N
 *       values instead. At most N values: the plain attribute, unchanged.</li>
 *   <li>A request for {@code attr;range=LOW-*} or {@code attr;range=LOW-HIGH} returns values LOW.. up to HIGH, never
 *       more than N of them, under the option {@code range=LOW-LAST}; when the chunk reaches the last value the option
 *       reads {@code range=LOW-*} instead, which tells the client it is done.</li>
 *   <li>A range that starts past the last value returns no form of the attribute (that is what Samba 4 does); with
 *       {@link #emptyPastEnd} it returns {@code attr;range=LOW-*} with no values instead. Either way RangedValues
 *       reads it as "values were removed meanwhile".</li>
 * </ul>
 * It applies to every attribute of every entry it returns, objectClass included, as AD does. The in-memory server does
 * not know range options: asked for {@code servicePrincipalName;range=0-*} it returns no attribute at all (checked with
 * UnboundID 7.0.5). So the interceptor rewrites such a request into one for the plain attribute, remembers the
 * requested range with the operation, and cuts the entry on the way out.
 *
 * <p>{@link #fault} makes it misbehave on purpose: {@link Fault#STUCK} answers every range request with the first
 * chunk again (a range that does not advance); {@link Fault#ENDLESS} answers every range request with N made-up values
 * and never marks a last chunk. Thread-safe; N and the fault can be changed between operations.
 */
public final class MaxValRangeInterceptor extends InMemoryOperationInterceptor {
    /** Deliberate misbehaviour for failure tests. */
    public enum Fault { NONE, STUCK, ENDLESS }

    private static final String REQUESTED = MaxValRangeInterceptor.class.getName() + ".ranges";
    private static final Pattern RANGE = Pattern.compile("range=(\\d+)-(\\d+|\\*)", Pattern.CASE_INSENSITIVE);

    private volatile int maxValRange;
    private volatile Fault fault = Fault.NONE;
    private volatile Hook onRangeRequest;
    private volatile boolean emptyPastEnd;
    private final AtomicInteger rangeRequests = new AtomicInteger();

    public MaxValRangeInterceptor(int maxValRange) {
        setMaxValRange(maxValRange);
    }

    public void setMaxValRange(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("MaxValRange must be at least 1");
        }
        this.maxValRange = n;
    }

    public int maxValRange() { return maxValRange; }

    public void fault(Fault f) { this.fault = f; }

    /** A range that starts past the last value: true sends {@code attr;range=LOW-*} with no values instead of nothing. */
    public void emptyPastEnd(boolean on) { this.emptyPastEnd = on; }

    /** Runs {@code hook} (null: nothing) before the server answers each request that asks for a range. */
    public void onRangeRequest(Hook hook) { this.onRangeRequest = hook; }

    /** Something a test does to the directory between two range reads; gets the base DN of the range read. */
    @FunctionalInterface
    public interface Hook {
        void run(String baseDn) throws Exception;
    }

    /** How many requested attributes carried a range option so far (proves the follow-up path ran). */
    public int rangeRequests() { return rangeRequests.get(); }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        ReadOnlySearchRequest r = request.getRequest();
        Map<String, long[]> ranges = new HashMap<>();
        List<String> attributes = new ArrayList<>();
        for (String a : r.getAttributeList()) {
            long[] range = requestedRange(a);
            if (range == null) {
                attributes.add(a);
            } else {
                rangeRequests.incrementAndGet();
                ranges.put(Attribute.getBaseName(a).toLowerCase(Locale.ROOT), range);
                attributes.add(Attribute.getBaseName(a));
            }
        }
        request.setProperty(REQUESTED, ranges);
        Hook hook = onRangeRequest;
        if (hook != null && !ranges.isEmpty()) {
            try {
                hook.run(r.getBaseDN());
            } catch (Exception e) {
                throw new LDAPException(ResultCode.OTHER, "test hook failed: " + e, e);
            }
        }
        if (!ranges.isEmpty()) {
            SearchRequest plain = r.duplicate();
            plain.setAttributes(attributes);
            request.setRequest(plain);
        }
    }

    /** {LOW, HIGH} of a requested {@code attr;range=LOW-HIGH}, HIGH = -1 for "*"; null without a range option. */
    private static long[] requestedRange(String requested) {
        for (String option : Attribute.getOptions(requested)) {
            Matcher m = RANGE.matcher(option);
            if (m.matches()) {
                return new long[]{Long.parseLong(m.group(1)), m.group(2).equals("*") ? -1 : Long.parseLong(m.group(2))};
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Map<String, long[]> ranges = (Map<String, long[]>) result.getProperty(REQUESTED);
        int n = maxValRange;
        Entry in = result.getSearchEntry();
        Entry out = new Entry(in.getDN());
        for (Attribute a : in.getAttributes()) {
            String[] values = a.getValues();
            long[] asked = ranges == null ? null : ranges.get(a.getBaseName().toLowerCase(Locale.ROOT));
            if (asked == null) {
                out.addAttribute(values.length > n ? slice(a, values, 0, n - 1, false) : a);
                continue;
            }
            switch (fault) {
                case STUCK -> out.addAttribute(slice(a, values, 0, Math.min(n, values.length) - 1, n >= values.length));
                case ENDLESS -> {
                    String[] madeUp = new String[n];
                    for (int i = 0; i < n; i++) {
                        madeUp[i] = "endless/value-" + (asked[0] + i);
                    }
                    out.addAttribute(new Attribute(a.getBaseName() + ";range=" + asked[0] + "-" + (asked[0] + n - 1), madeUp));
                }
                case NONE -> {
                    long low = asked[0];
                    if (low >= values.length) {
                        if (emptyPastEnd) {
                            out.addAttribute(new Attribute(a.getBaseName() + ";range=" + low + "-*", new String[0]));
                        }
                        continue; // past the end: no form of the attribute (Samba), or an empty last range
                    }
                    long high = Math.min(values.length - 1, low + n - 1);
                    if (asked[1] >= 0) {
                        high = Math.min(high, asked[1]);
                    }
                    out.addAttribute(slice(a, values, (int) low, (int) high, high == values.length - 1));
                }
            }
        }
        result.setSearchEntry(out);
    }

    private static Attribute slice(Attribute a, String[] values, int low, int high, boolean last) {
        return new Attribute(a.getBaseName() + ";range=" + low + "-" + (last ? "*" : String.valueOf(high)),
                Arrays.copyOfRange(values, low, high + 1));
    }
}
