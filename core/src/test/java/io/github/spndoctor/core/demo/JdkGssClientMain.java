package io.github.spndoctor.core.demo;

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
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Map;

/**
 * A WinRM client made of nothing but the JDK's own Kerberos (JAAS Krb5LoginModule + GSS-API SPNEGO), run in its own
 * JVM with {@code -Djava.security.krb5.conf=<the demo's krb5.conf>}. Args: SPN REALM WINRM_HOST WINRM_PORT HOST_HEADER;
 * the password comes in the environment (DEMO_PASSWORD), the principal in DEMO_PRINCIPAL. Prints TOKEN, STATUS and,
 * after a 200, whether the host's AP-REP completed the GSS context (mutual authentication).
 */
public final class JdkGssClientMain {
    public static void main(String[] args) throws Exception {
        String spn = args[0];
        String realm = args[1];
        String principal = System.getenv("DEMO_PRINCIPAL");
        char[] password = System.getenv("DEMO_PASSWORD").toCharArray();
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("useTicketCache", "false", "storeKey", "false", "principal", principal, "refreshKrb5Config", "true"))};
            }
        };
        LoginContext lc = new LoginContext("demo", new Subject(), callbacks -> {
            for (var c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(principal);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password);
                }
            }
        }, jaas);
        lc.login();
        Subject.doAs(lc.getSubject(), (PrivilegedExceptionAction<Void>) () -> {
            GSSManager m = GSSManager.getInstance();
            GSSName server = m.createName(spn + "@" + realm, new Oid("1.2.840.113554.1.2.2.1"));
            GSSContext ctx = m.createContext(server, new Oid("1.3.6.1.5.5.2"), null, GSSContext.DEFAULT_LIFETIME);
            ctx.requestMutualAuth(true);
            byte[] token = ctx.initSecContext(new byte[0], 0, 0);
            System.out.println("TOKEN " + Base64.getEncoder().encodeToString(token));
            try (Socket s = new Socket(args[2], Integer.parseInt(args[3]))) {
                String req = "POST /wsman HTTP/1.1\r\nHost: " + args[4] + ":5985\r\nAuthorization: Negotiate "
                        + Base64.getEncoder().encodeToString(token) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                String status = response.lines().findFirst().orElse("").split(" ")[1];
                System.out.println("STATUS " + status);
                String reply = response.lines().filter(l -> l.regionMatches(true, 0, "WWW-Authenticate: Negotiate ", 0, 28))
                        .map(l -> l.substring(28).strip()).findFirst().orElse(null);
                if (reply != null) {
                    byte[] r = Base64.getDecoder().decode(reply);
                    ctx.initSecContext(r, 0, r.length);
                }
                System.out.println("ESTABLISHED " + ctx.isEstablished());
            }
            return null;
        });
    }
}
