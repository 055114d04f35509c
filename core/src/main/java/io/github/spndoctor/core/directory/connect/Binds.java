package io.github.spndoctor.core.directory.connect;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.ldap.LdapErrors;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who the connection binds as: anonymous, a simple bind with the given password, or Kerberos (GSSAPI) from the user's
 * ticket cache with the protection the transport allows; and how that identity is named to the user (never with the
 * password). Stateless.
 */
final class Binds {
    private Binds() {}

    /** The bind request for {@code saslHost} (the DC's DNS name, for Kerberos); null for an anonymous connection. */
    static BindRequest request(ConnectionProfile profile, char[] password, String saslHost) throws DirectoryException {
        return switch (profile.bindKind()) {
            case ANONYMOUS -> null;
            case SIMPLE_DN, SIMPLE_UPN -> new SimpleBindRequest(profile.bindIdentity(), utf8(password));
            case GSSAPI -> gssapi(profile, saslHost);
        };
    }

    /** A Kerberos bind to {@code saslHost} from the ticket cache (KRB5CCNAME, KRB5_CONFIG honoured). */
    static BindRequest gssapi(ConnectionProfile profile, String saslHost) throws DirectoryException {
        String krb5 = System.getenv("KRB5_CONFIG");
        if (System.getProperty("java.security.krb5.conf") == null && krb5 != null && !krb5.isBlank()
                && new File(krb5.split(":")[0]).isFile()) {
            System.setProperty("java.security.krb5.conf", krb5.split(":")[0]);
        }
        GSSAPIBindRequestProperties p = new GSSAPIBindRequestProperties(profile.bindIdentity(), (String) null);
        p.setUseTicketCache(true);
        p.setRequireCachedCredentials(true);
        p.setRenewTGT(false);
        p.setRefreshKrb5Config(true);
        String ccache = System.getenv("KRB5CCNAME");
        if (ccache != null && !ccache.isBlank() && (ccache.startsWith("FILE:") || ccache.startsWith("/"))) {
            p.setTicketCachePath(ccache.startsWith("FILE:") ? ccache.substring(5) : ccache);
        }
        p.setServicePrincipalProtocol("ldap");
        p.setSASLClientServerName(saslHost.toLowerCase(Locale.ROOT));
        // Over plain LDAP, Kerberos sealing (auth-conf) protects the session, as Windows' own tools do on 389.
        // Inside TLS, AD and Samba forbid a second SASL layer (Samba: "Sign or Seal are not allowed if TLS is used").
        if (profile.security().encrypted()) {
            p.setAllowedQoP(SASLQualityOfProtection.AUTH);
        } else {
            p.setAllowedQoP(SASLQualityOfProtection.AUTH_CONF, SASLQualityOfProtection.AUTH_INT);
        }
        try {
            return new GSSAPIBindRequest(p);
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "preparing the Kerberos bind");
        }
    }

    /** The bound identity as shown to the user and written to journals. */
    static String identity(ConnectionProfile profile) {
        return switch (profile.bindKind()) {
            case SIMPLE_DN, SIMPLE_UPN -> profile.bindIdentity();
            case GSSAPI -> profile.bindIdentity() != null ? profile.bindIdentity() + " (Kerberos)" : "Kerberos ticket cache";
            case ANONYMOUS -> "anonymous";
        };
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }
}
