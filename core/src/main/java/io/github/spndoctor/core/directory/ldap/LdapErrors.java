package io.github.spndoctor.core.directory.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryException.Kind;

/** The one place where LDAP result codes become plain-language {@link DirectoryException}s. */
public final class LdapErrors {
    private LdapErrors() {}

    /** Maps an LDAP failure during {@code action} (e.g. "looking up srv003") to a user-facing exception. */
    public static DirectoryException map(LDAPException e, String action) {
        ResultCode rc = e.getResultCode();
        String detail = "LDAP result " + rc.intValue() + " (" + rc.getName() + ")"
                + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage());
        Kind kind;
        String msg;
        switch (rc.intValue()) {
            case 49 -> { kind = Kind.NOT_AUTHENTICATED; msg = "The domain controller rejected the user name or password."; }
            case 50 -> { kind = Kind.ACCESS_DENIED; msg = "Your account may not make this change. Ask an administrator, or hand them the script."; }
            case 19 -> { kind = Kind.REFUSED_BY_DC; msg = "The domain controller refused the change: the SPN is already registered on another account, or it is malformed for this account."; }
            case 8 -> { kind = Kind.ENCRYPTION_REQUIRED; msg = "This domain controller requires an encrypted connection. Use LDAPS or StartTLS."; }
            case 13 -> { kind = Kind.ENCRYPTION_REQUIRED; msg = "This domain controller requires a more secure connection (confidentiality required)."; }
            case 20 -> { kind = Kind.VALUE_EXISTS; msg = "The account already holds this SPN (someone may have changed it since the lookup)."; }
            case 16 -> { kind = Kind.VALUE_MISSING; msg = "The account no longer holds this SPN (someone may have changed it since the lookup)."; }
            case 32 -> { kind = Kind.NO_SUCH_ACCOUNT; msg = "The account or search base does not exist on this domain controller."; }
            case 85, 3 -> { kind = Kind.TIMEOUT; msg = "The domain controller did not answer in time."; }
            case 81, 91 -> { kind = Kind.UNREACHABLE; msg = "The domain controller cannot be reached (connection refused, lost or timed out)."; }
            case 53 -> { kind = Kind.REFUSED_BY_DC; msg = "The domain controller is unwilling to perform this operation."; }
            default -> {
                if (rc == ResultCode.TIMEOUT) {
                    kind = Kind.TIMEOUT; msg = "The domain controller did not answer in time.";
                } else if (rc == ResultCode.CONNECT_ERROR || rc == ResultCode.SERVER_DOWN) {
                    kind = Kind.UNREACHABLE; msg = "The domain controller cannot be reached.";
                } else {
                    kind = Kind.OTHER; msg = "The directory reported an error.";
                }
            }
        }
        return new DirectoryException(kind, msg + " (while " + action + ")", detail, e, rc.intValue());
    }
}
