package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every result code the issue names maps to its kind, a plain sentence, and keeps the technical detail. */
class LdapErrorsTest {
    @Test
    void namedCodes() {
        Map<ResultCode, Kind> expected = Map.of(
                ResultCode.INVALID_CREDENTIALS, Kind.NOT_AUTHENTICATED,
                ResultCode.INSUFFICIENT_ACCESS_RIGHTS, Kind.ACCESS_DENIED,
                ResultCode.CONSTRAINT_VIOLATION, Kind.REFUSED_BY_DC,
                ResultCode.STRONG_AUTH_REQUIRED, Kind.ENCRYPTION_REQUIRED,
                ResultCode.TIME_LIMIT_EXCEEDED, Kind.TIMEOUT,
                ResultCode.TIMEOUT, Kind.TIMEOUT,
                ResultCode.SERVER_DOWN, Kind.UNREACHABLE,
                ResultCode.CONNECT_ERROR, Kind.UNREACHABLE);
        for (Map.Entry<ResultCode, Kind> e : expected.entrySet()) {
            DirectoryException d = LdapErrors.map(new LDAPException(new com.unboundid.ldap.sdk.LDAPResult(1, e.getKey(), "000021C7: AtrErr: DSID-03200BBA", null, (String[]) null, null)), "testing");
            assertEquals(e.getValue(), d.kind(), e.getKey().toString());
            assertTrue(d.detail().startsWith("LDAP result " + e.getKey().intValue()), d.detail());
            assertTrue(d.detail().contains("000021C7"), "server text kept: " + d.detail());
            assertTrue(d.getMessage().endsWith("(while testing)"), d.getMessage());
            assertTrue(!d.getMessage().contains("DSID"), "the sentence is plain: " + d.getMessage());
        }
    }
}
