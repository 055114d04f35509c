package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.SpnMappings;

import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads of forest-wide facts that are not accounts: sPNMappings from the configuration partition, an account's key
 * version number and the DC's clock. Read from a domain controller's own port (not the global catalog, which holds
 * only the partial attribute set). Stateless.
 */
final class ForestFacts {
    static final String KVNO = "msDS-KeyVersionNumber";

    private ForestFacts() {}

    static SpnMappings spnMappings(LDAPInterface dc, int timeLimitSeconds) throws DirectoryException {
        String config;
        try {
            RootDSE root = dc.getRootDSE();
            config = root == null ? null : root.getAttributeValue("configurationNamingContext");
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "reading the server's rootDSE");
        }
        if (config == null) {
            throw new DirectoryException(DirectoryException.Kind.OTHER,
                    "The server does not name its configuration partition, so its sPNMappings cannot be read.");
        }
        String dn = SpnMappings.CONTAINER + config;
        try {
            SearchRequest request = new SearchRequest(dn, SearchScope.BASE, "(objectClass=*)", SpnMappings.ATTRIBUTE);
            request.setTimeLimitSeconds(timeLimitSeconds);
            request.setResponseTimeoutMillis(timeLimitSeconds * 1000L + 2000L);
            SearchResultEntry e = dc.searchForEntry(request);
            if (e == null) {
                return SpnMappings.none(dn + " (missing)");
            }
            String[] values = e.getAttributeValues(SpnMappings.ATTRIBUTE);
            return values == null ? SpnMappings.none(dn) : SpnMappings.parse(Arrays.asList(values), dn);
        } catch (LDAPException e) {
            if (e.getResultCode().intValue() == 32) {
                return SpnMappings.none(dn + " (missing)");
            }
            throw LdapErrors.map(e, "reading sPNMappings");
        }
    }

    static OptionalInt keyVersion(LDAPInterface dc, String dn) throws DirectoryException {
        try {
            SearchResultEntry e = dc.getEntry(dn, KVNO);
            if (e == null) {
                throw new DirectoryException(DirectoryException.Kind.NO_SUCH_ACCOUNT, "The account " + dn + " no longer exists.");
            }
            Integer v = e.getAttributeValueAsInteger(KVNO);
            return v == null ? OptionalInt.empty() : OptionalInt.of(v);
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "reading the key version of " + dn);
        }
    }

    static Optional<Instant> serverTime(LDAPInterface dc) throws DirectoryException {
        try {
            SearchResultEntry e = dc.getEntry("", "currentTime");
            String v = e == null ? null : e.getAttributeValue("currentTime");
            if (v == null) {
                return Optional.empty();
            }
            return Optional.of(StaticUtils.decodeGeneralizedTime(v).toInstant());
        } catch (ParseException e) {
            return Optional.empty();
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "reading the server's clock (rootDSE currentTime)");
        }
    }
}
