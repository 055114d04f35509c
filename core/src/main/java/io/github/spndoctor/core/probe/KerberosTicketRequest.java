package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.evidence.EvidenceFormatException;
import io.github.spndoctor.core.evidence.NegotiateDecoder;
import io.github.spndoctor.core.model.Spn;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the KDC for a service ticket through the JDK's own Kerberos (JAAS Krb5LoginModule + GSS-API SPNEGO), as a
 * WinRM client would, and returns the SPNEGO token. Each request logs in into a new {@link Subject}, so service
 * tickets are always fresh: the user's ticket cache is read for its ticket-granting ticket only, never written.
 *
 * <p>The JDK's Kerberos configuration is process-wide ({@code java.security.krb5.conf}), so requests are serialised.
 * On Windows with {@code sun.security.jgss.native=true} (set at start-up, JDK 13+), GSS goes through SSPI and the
 * logon session instead; then the Subject is not used and tickets come from the session's cache.
 */
final class KerberosTicketRequest {
    static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    private static final Object KRB5_CONFIG_LOCK = new Object();

    private KerberosTicketRequest() {}

    /** The principal asked for: {@code HTTP/host[:port]@REALM} (the SPN's own realm if it names one). */
    static String principal(Spn spn, Optional<String> realm) {
        String s = spn.toString();
        return s.indexOf('@') >= 0 || realm.isEmpty() ? s : s + "@" + realm.get().toUpperCase(Locale.ROOT);
    }

    static TicketResult request(Spn spn, ProbeEnvironment env) {
        return request(spn, env, java.util.Optional.empty());
    }

    /**
     * @param channelBinding the application data of the GSS channel binding (over HTTPS: {@code
     *                       tls-server-end-point:<hash>}, {@link WinrmTls#endPointBinding}); empty over HTTP
     */
    static TicketResult request(Spn spn, ProbeEnvironment env, Optional<byte[]> channelBinding) {
        ProbeCredentials creds = env.credentials();
        if (creds instanceof ProbeCredentials.None) {
            return TicketResult.failed(TicketOutcome.NO_CREDENTIALS, "No Kerberos identity was given.");
        }
        synchronized (KRB5_CONFIG_LOCK) {
            String before = System.getProperty("java.security.krb5.conf");
            try (Krb5Conf conf = Krb5Conf.of(env.kdc())) {
                conf.path().ifPresent(p -> System.setProperty("java.security.krb5.conf", p.toString()));
                Subject subject = new Subject();
                boolean nativeGss = Boolean.getBoolean("sun.security.jgss.native");
                if (!nativeGss) {
                    try {
                        login(subject, creds);
                    } catch (LoginException e) {
                        return loginFailure(e);
                    }
                }
                String principal = principal(spn, env.kdc().defaultRealm());
                byte[] token = Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> initToken(principal, channelBinding));
                try {
                    return new TicketResult(TicketOutcome.ISSUED, Optional.of(NegotiateDecoder.decode(token)), "", Optional.of(token));
                } catch (EvidenceFormatException e) {
                    return new TicketResult(TicketOutcome.ISSUED, Optional.empty(), e.getMessage(), Optional.of(token));
                }
            } catch (PrivilegedActionException e) {
                return gssFailure(e.getException());
            } catch (IOException e) {
                return TicketResult.failed(TicketOutcome.UNAVAILABLE, "Could not write a Kerberos configuration: " + e.getMessage());
            } catch (RuntimeException e) {
                return TicketResult.failed(TicketOutcome.UNAVAILABLE, "Kerberos failed: " + e);
            } finally {
                if (before == null) {
                    System.clearProperty("java.security.krb5.conf");
                } else {
                    System.setProperty("java.security.krb5.conf", before);
                }
            }
        }
    }

    private static byte[] initToken(String principal, Optional<byte[]> channelBinding) throws GSSException {
        GSSManager manager = GSSManager.getInstance();
        GSSName server = manager.createName(principal, GSSName.NT_USER_NAME);
        GSSContext ctx = manager.createContext(server, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
        try {
            ctx.requestMutualAuth(true);
            ctx.requestCredDeleg(false);
            if (channelBinding.isPresent()) {   // the JDK's SPNEGO hands it to the Kerberos mechanism's checksum
                ctx.setChannelBinding(WinrmTls.gssBinding(channelBinding.get()));
            }
            return ctx.initSecContext(new byte[0], 0, 0);
        } finally {
            ctx.dispose();
        }
    }

    private static void login(Subject subject, ProbeCredentials creds) throws LoginException {
        Map<String, String> options = new HashMap<>();
        options.put("refreshKrb5Config", "true");
        options.put("isInitiator", "true");
        options.put("storeKey", "false");
        String principal = null;
        char[] password = null;
        if (creds instanceof ProbeCredentials.Password p) {
            principal = p.principal();
            password = p.password();
            options.put("useTicketCache", "false");
            options.put("doNotPrompt", "false");
            options.put("principal", principal);
        } else if (creds instanceof ProbeCredentials.Session s) {
            options.put("useTicketCache", "true");
            options.put("doNotPrompt", "true");
            s.ccache().ifPresent(c -> options.put("ticketCache", c.toString()));
        }
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[]{new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        String user = principal;
        char[] secret = password;
        try {
            LoginContext lc = new LoginContext("spn-doctor-probe", subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback n && user != null) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback pc && secret != null) {
                        pc.setPassword(secret);
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            }, config);
            lc.login();
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    private static TicketResult loginFailure(LoginException e) {
        String all = chain(e);
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("clock skew")) {
            return TicketResult.failed(TicketOutcome.CLOCK_SKEW, all);
        }
        if (unreachable(lower)) {
            return TicketResult.failed(TicketOutcome.UNAVAILABLE, all);
        }
        return TicketResult.failed(TicketOutcome.NO_CREDENTIALS, all);
    }

    static TicketResult gssFailure(Exception e) {
        String all = chain(e);
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("(7)") || lower.contains("server not found in kerberos database")) {
            return TicketResult.failed(TicketOutcome.PRINCIPAL_UNKNOWN, all);
        }
        if (lower.contains("(8)") || lower.contains("multiple principal entries") || lower.contains("not unique")) {
            return TicketResult.failed(TicketOutcome.NOT_UNIQUE, all);
        }
        if (lower.contains("(37)") || lower.contains("clock skew")) {
            return TicketResult.failed(TicketOutcome.CLOCK_SKEW, all);
        }
        if (lower.contains("failed to find any kerberos tgt") || lower.contains("no valid credentials provided")
                || lower.contains("mechanism level: failed to find any kerberos")) {
            return TicketResult.failed(TicketOutcome.NO_CREDENTIALS, all);
        }
        return TicketResult.failed(TicketOutcome.UNAVAILABLE, all);
    }

    private static boolean unreachable(String lower) {
        return lower.contains("cannot contact any kdc") || lower.contains("receive timed out")
                || lower.contains("connection refused") || lower.contains("cannot locate kdc")
                || lower.contains("timed out") || lower.contains("unknownhost");
    }

    /** The messages of the cause chain, joined; bounded. Never carries a password (none is in any message). */
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 600; c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.length() > 600 ? sb.substring(0, 600) : sb.toString();
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
