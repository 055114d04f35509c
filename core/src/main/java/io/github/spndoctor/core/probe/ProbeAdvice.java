package io.github.spndoctor.core.probe;

import java.util.ArrayList;
import java.util.List;

/** What to tell the user after a probe, beyond its findings: caches, credentials, the platform's Kerberos. */
public final class ProbeAdvice {
    private ProbeAdvice() {}

    public static List<String> of(ProbeResult r) {
        List<String> out = new ArrayList<>();
        if (r.winrm() == WinrmOutcome.ACCEPTED && r.freshTickets()) {
            out.addAll(ProbeWords.afterFix(r));
        }
        if (!r.freshTickets()) {
            out.add("The ticket came from your logon session's cache (native Kerberos): purge it (klist purge) and test "
                    + "again if a change was just made.");
        }
        if (r.ticket().outcome() == TicketOutcome.NO_CREDENTIALS) {
            out.add(noCredentials());
        }
        if (r.ticket().outcome() == TicketOutcome.CLOCK_SKEW || r.clockOffsetSeconds().stream().anyMatch(o -> Math.abs(o) >= 300)) {
            out.add("Kerberos allows 5 minutes between clocks: synchronise this machine's time with the domain (w32tm /resync).");
        }
        return out;
    }

    /** Where a Kerberos identity comes from on this platform, and what to do without one. */
    public static String noCredentials() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        if (windows && !Boolean.getBoolean("sun.security.jgss.native")) {
            return "On Windows the JDK cannot read your logon session's tickets unless SPN Doctor starts with "
                    + "-Dsun.security.jgss.native=true (JDK 13 and later, including JDK 17); enter a user name and password "
                    + "for the test instead, or start it that way.";
        }
        return "No Kerberos ticket-granting ticket was found: run kinit (or enter a user name and password for the test).";
    }
}
