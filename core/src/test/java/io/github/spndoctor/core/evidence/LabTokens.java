package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.samba.SambaLab;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import java.security.PrivilegedExceptionAction;
import java.util.Map;

/** Real tokens from the JDK's GSS-API against the Samba lab's KDC: a client logs on as Administrator and asks for a service. */
final class LabTokens {
    static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");

    private LabTokens() {}

    /** The first token a client sends for {@code spn} (e.g. "HTTP/srv003.lab.test") with mechanism {@code mech}. */
    static byte[] initialToken(String spn, Oid mech) throws Exception {
        System.setProperty("java.security.krb5.conf", SambaLab.env("KRB5_CONFIG"));
        String realm = SambaLab.env("SAMBALAB_REALM");
        Configuration conf = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[]{new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("useTicketCache", "false", "doNotPrompt", "false", "storeKey", "false",
                                "refreshKrb5Config", "true"))};
            }
        };
        LoginContext lc = new LoginContext("lab", new Subject(), callbacks -> {
            for (var cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    n.setName("Administrator@" + realm);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(SambaLab.password().toCharArray());
                }
            }
        }, conf);
        lc.login();
        try {
            return Subject.doAs(lc.getSubject(), (PrivilegedExceptionAction<byte[]>) () -> {
                GSSManager m = GSSManager.getInstance();
                GSSName server = m.createName(spn + "@" + realm, KRB5_PRINCIPAL);
                GSSContext ctx = m.createContext(server, mech, null, GSSContext.DEFAULT_LIFETIME);
                ctx.requestMutualAuth(true);
                try {
                    return ctx.initSecContext(new byte[0], 0, 0);
                } finally {
                    ctx.dispose();
                }
            });
        } finally {
            lc.logout();
        }
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
