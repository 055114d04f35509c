package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.model.Spn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KerberosProbe} that runs the platform's own tool: MIT {@code kvno} (Linux, macOS; with {@code -k keytab}
 * it also proves which key decrypts the ticket) or Windows {@code klist get}. The Kerberos environment is the
 * caller's (KRB5_CONFIG, KRB5CCNAME or the Windows logon session). Immutable.
 */
public final class ToolKerberosProbe implements KerberosProbe {
    private final CommandRunner runner;
    private final boolean windows;
    private final Optional<Path> keytab;
    private final Map<String, String> env;

    /**
     * @param keytab the target host's keytab, when available (lab, or a Linux host): proves the host can decrypt
     * @param env    extra environment (KRB5_CONFIG, KRB5CCNAME) for the tool
     */
    public ToolKerberosProbe(CommandRunner runner, boolean windows, Optional<Path> keytab, Map<String, String> env) {
        this.runner = runner;
        this.windows = windows;
        this.keytab = keytab;
        this.env = Map.copyOf(env);
    }

    /** The probe for this machine: klist on Windows, kvno elsewhere; no keytab. */
    public static ToolKerberosProbe forThisMachine() {
        return new ToolKerberosProbe(CommandRunner.PROCESS, isWindows(), Optional.empty(), Map.of());
    }

    static boolean isWindows() {
        return org.apache.commons.lang3.SystemUtils.IS_OS_WINDOWS;
    }

    /**
     * True when a Kerberos client environment appears usable here: Windows (the logon session has tickets), or a
     * krb5.conf (KRB5_CONFIG or /etc/krb5.conf) plus a ticket cache that {@code klist -s} accepts.
     */
    public static boolean available(CommandRunner runner, Map<String, String> env) {
        if (isWindows()) {
            return true;
        }
        String conf = env.getOrDefault("KRB5_CONFIG", System.getenv("KRB5_CONFIG"));
        Path krb5 = Path.of(conf == null || conf.isBlank() ? "/etc/krb5.conf" : conf);
        if (!Files.isReadable(krb5)) {
            return false;
        }
        try {
            return runner.run(List.of("klist", "-s"), env).exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** The command that requests a ticket for {@code spn}. */
    public List<String> command(Spn spn) {
        List<String> cmd = new ArrayList<>();
        if (windows) {
            cmd.addAll(List.of("klist", "get", spn.toString()));
        } else {
            cmd.add("kvno");
            keytab.ifPresent(k -> {
                cmd.add("-k");
                cmd.add(k.toString());
            });
            cmd.add(spn.toString());
        }
        return cmd;
    }

    @Override
    public TicketCheck requestTicket(Spn spn) {
        CommandRunner.Result r;
        try {
            r = runner.run(command(spn), env);
        } catch (IOException e) {
            return new TicketCheck(spn, TicketCheck.Outcome.UNAVAILABLE, e.getMessage(),
                    (windows ? "klist" : "kvno") + " could not be run: no Kerberos client tools on this machine.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TicketCheck(spn, TicketCheck.Outcome.UNAVAILABLE, "interrupted", "The ticket request was interrupted.");
        }
        return interpret(spn, r, keytab.isPresent());
    }

    /** Reads the tool's output. Package-private for tests. */
    static TicketCheck interpret(Spn spn, CommandRunner.Result r, boolean withKeytab) {
        String out = r.output().strip();
        String low = out.toLowerCase(Locale.ROOT);
        if (low.contains("keytab entry invalid") || low.contains("wrong principal in request")
                || low.contains("cannot decrypt") || low.contains("integrity check on decrypted field failed")) {
            return new TicketCheck(spn, TicketCheck.Outcome.WRONG_ACCOUNT, out,
                    "The KDC issued a ticket for " + spn + ", but the host's key cannot decrypt it: the ticket is for another "
                            + "account. This is the condition behind 0x80090322 / KRB_AP_ERR_MODIFIED.");
        }
        if (low.contains("keytab entry valid")) {
            return new TicketCheck(spn, TicketCheck.Outcome.ACCEPTED_BY_HOST, out,
                    "The KDC issued a ticket for " + spn + " and the host's own key decrypts it: WinRM will accept it.");
        }
        if (low.contains("server not found in kerberos database") || low.contains("0x7") && low.contains("principal_unknown")
                || low.contains("kdc_err_s_principal_unknown") || low.contains("not found in kerberos database")) {
            return new TicketCheck(spn, TicketCheck.Outcome.NOT_FOUND, out,
                    "The KDC found no single account for " + spn + " (not registered, or registered twice). A Windows client "
                            + "then falls back to NTLM or fails.");
        }
        if (low.contains("no credentials cache") || low.contains("no kerberos credentials") || low.contains("ticket expired")
                || low.contains("cannot contact any kdc") || low.contains("cannot find kdc") || low.contains("0x8009030e")
                || low.contains("no such file") || low.contains("not found") && r.exitCode() == 127) {
            return new TicketCheck(spn, TicketCheck.Outcome.UNAVAILABLE, out,
                    "No usable Kerberos session here (no ticket, expired ticket, or no KDC reachable); the check could not run.");
        }
        if (r.exitCode() == 0 && (low.contains("kvno =") || low.contains("a ticket to") || low.contains("server:"))) {
            return new TicketCheck(spn, withKeytab ? TicketCheck.Outcome.FAILED : TicketCheck.Outcome.ISSUED, out,
                    "The KDC issued a ticket for " + spn + ". Without the host's keytab SPN Doctor cannot prove which account's "
                            + "key it is encrypted with; the directory check above says who holds the SPN.");
        }
        return new TicketCheck(spn, TicketCheck.Outcome.FAILED, out, "The ticket request failed; see the tool's answer.");
    }
}
