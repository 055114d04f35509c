package io.github.spndoctor.core.directory.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.SpnHolder;
import io.github.spndoctor.core.directory.SpnScanSink;
import io.github.spndoctor.core.model.AccountKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A paged subtree search for {@code (servicePrincipalName=*)} that hands each entry to a sink as it arrives.
 * All pages run on one connection (Active Directory ties the paging cookie to it). Each page is a separate
 * request with its own server time limit, so a big forest never hits the server's per-request limit the way an
 * unpaged {@code setspn -X -F} does (LDAP 0x55). An account with more SPNs than the server sends at once (AD's
 * MaxValRange) arrives in ranges; it is kept until its page has ended, completed with {@link RangedValues} on the same
 * connection, and handed to the sink before {@link SpnScanSink#pageDone}. Not thread-safe; one instance per scan.
 */
final class PagedScan {
    /** The multi-valued attributes a scan reads; either may come in ranges. */
    private static final String[] SCAN_MULTI_VALUED = {"objectClass", LdapDirectory.SPN};

    private PagedScan() {}

    /** Hands a complete entry to the sink; false when it holds no SPN after all. */
    private static boolean deliver(SearchResultEntry e, SpnScanSink sink) {
        String[] values = e.getAttributeValues(LdapDirectory.SPN);
        if (values == null || values.length == 0) {
            return false;
        }
        String[] ocs = e.getAttributeValues("objectClass");
        AccountKind kind = AccountKind.fromObjectClasses(ocs == null ? List.of() : Arrays.asList(ocs));
        sink.accept(new SpnHolder(e.getDN(), e.getAttributeValue("sAMAccountName"), kind,
                e.getAttributeValue("dNSHostName"), Arrays.asList(values)));
        return true;
    }

    static boolean run(LDAPInterface conn, String base, int pageSize, int timeLimitSeconds, SpnScanSink sink)
            throws DirectoryException {
        if (pageSize < 1 || pageSize > 5000) {
            throw new DirectoryException(DirectoryException.Kind.BAD_INPUT, "Page size must be between 1 and 5000.");
        }
        LDAPConnectionPool pool = conn instanceof LDAPConnectionPool p ? p : null;
        LDAPConnection checkedOut = null;
        boolean broken = false;
        try {
            LDAPInterface target = conn;
            if (pool != null) {
                checkedOut = pool.getConnection();
                target = checkedOut;
            }
            long[] delivered = {0};
            // entries whose SPNs (or object classes) came in ranges: completed once the page's stream has ended,
            // because the connection cannot send the follow-up reads while it streams; rare, and held one page only
            List<SearchResultEntry> ranged = new ArrayList<>();
            SearchResultListener listener = new SearchResultListener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void searchEntryReturned(SearchResultEntry e) {
                    if (RangedValues.isRanged(e, SCAN_MULTI_VALUED)) {
                        ranged.add(e);
                    } else if (deliver(e, sink)) {
                        delivered[0]++;
                    }
                }

                @Override
                public void searchReferenceReturned(SearchResultReference r) {
                    // continuation references into other partitions: the global catalog already covers them
                }
            };
            ASN1OctetString cookie = null;
            do {
                if (sink.cancelled()) {
                    return false;
                }
                SearchRequest request = new SearchRequest(listener, base, SearchScope.SUB, DereferencePolicy.NEVER, 0,
                        timeLimitSeconds, false, Filter.createPresenceFilter(LdapDirectory.SPN),
                        LdapDirectory.SCAN_ATTRIBUTES);
                request.setControls(new Control[]{new SimplePagedResultsControl(pageSize, cookie, true)});
                request.setResponseTimeoutMillis(timeLimitSeconds * 1000L + 5000L);
                SearchResult result = target.search(request);
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
                for (SearchResultEntry e : ranged) {
                    Optional<SearchResultEntry> complete = RangedValues.completeIfPresent(target, e, SCAN_MULTI_VALUED);
                    if (complete.isPresent() && deliver(complete.get(), sink)) { // deleted meanwhile: holds nothing
                        delivered[0]++;
                    }
                }
                ranged.clear();
                sink.pageDone(delivered[0]);
            } while (cookie != null);
            return true;
        } catch (LDAPException e) {
            broken = true;
            throw LdapErrors.map(e, "scanning the forest's service principal names");
        } catch (DirectoryException e) {
            broken = true; // a follow-up read failed mid-scan: the paged search state of this connection is unknown
            throw e;
        } finally {
            if (checkedOut != null) {
                if (broken) {
                    pool.releaseDefunctConnection(checkedOut);
                } else {
                    pool.releaseConnection(checkedOut);
                }
            }
        }
    }
}
