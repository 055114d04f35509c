package io.github.spndoctor.core.evidence;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.samba.SambaLab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens made by the JDK's GSS-API against the lab's KDC decode to the server name asked for and to the key version
 * the KDC used: the holder's {@code msDS-KeyVersionNumber} and what MIT's {@code kvno} reports for the same SPN.
 */
class NegotiateTokenSambaIT {
    @BeforeAll
    static void lab() {
        SambaLab.require();
    }

    @Test
    void spnegoApReqForSrv003NamesTheSpnAndTheHoldersKeyVersion() throws Exception {
        String spn = "HTTP/srv003.lab.test";
        byte[] token = LabTokens.initialToken(spn, LabTokens.SPNEGO);
        NegotiateToken t = NegotiateDecoder.decode("Authorization: Negotiate " + Base64.getEncoder().encodeToString(token));

        assertEquals(NegotiateToken.Kind.KERBEROS_AP_REQ, t.kind());
        assertEquals("SPNEGO", t.wrapping());
        assertTrue(t.mechanisms().get(0).startsWith("Kerberos"), t.mechanisms().toString());
        assertEquals(spn, t.serverName().orElseThrow());
        assertEquals(SambaLab.env("SAMBALAB_REALM"), t.realm().orElseThrow());
        assertEquals(holderKvno(spn), t.ticketKvno().orElseThrow(), "kvno of the account holding " + spn);
        assertEquals(mitKvno(spn), t.ticketKvno().orElseThrow(), "kvno as MIT kvno reports it");
        assertTrue(List.of(17, 18, 23).contains(t.ticketEtype().orElseThrow()), "etype " + t.ticketEtype());
    }

    @Test
    void gssKerberosTokenForTheHealthyHostCarriesTheComputersKeyVersion() throws Exception {
        String spn = "HOST/srv004.lab.test";
        byte[] token = LabTokens.initialToken(spn, LabTokens.KRB5);
        NegotiateToken t = NegotiateDecoder.decode(Base64.getEncoder().encodeToString(token));

        assertEquals(NegotiateToken.Kind.KERBEROS_AP_REQ, t.kind());
        assertEquals("GSS-API", t.wrapping());
        assertTrue(t.serverName().orElseThrow().equalsIgnoreCase(spn), t.serverName().toString());
        assertEquals(holderKvno(spn), t.ticketKvno().orElseThrow());
        assertTrue(t.facts().stream().noneMatch(f -> f.contains(Base64.getEncoder().encodeToString(token).substring(40, 80))));
    }

    /** msDS-KeyVersionNumber of the one account holding {@code spn}. */
    private static long holderKvno(String spn) throws Exception {
        try (LDAPConnection c = SambaLab.connect(SambaLab.ldapUri())) {
            List<SearchResultEntry> found = c.search(SambaLab.baseDn(), SearchScope.SUB,
                    Filter.createEqualityFilter("servicePrincipalName", spn), "msDS-KeyVersionNumber").getSearchEntries();
            assertEquals(1, found.size(), "holders of " + spn);
            return found.get(0).getAttributeValueAsLong("msDS-KeyVersionNumber");
        }
    }

    /** The kvno MIT's {@code kvno} tool gets from the KDC for {@code spn}. */
    private static long mitKvno(String spn) throws Exception {
        SambaLab.ensureTicket();
        Process p = new ProcessBuilder("kvno", spn).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Matcher m = Pattern.compile("kvno = (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }
}
