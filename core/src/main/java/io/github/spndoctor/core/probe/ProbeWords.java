package io.github.spndoctor.core.probe;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The sentences the probe's findings are told in; one place, so the wizard, CLI and report say the same. */
final class ProbeWords {
    private ProbeWords() {}

    static String summary(ProbeResult r) {
        String host = r.host();
        if (r.stopped()) {
            return "The test was stopped before it finished.";
        }
        if (r.spn().isEmpty()) {
            return "Kerberos was not tried: " + r.client().label() + " does not use Kerberos for " + host + ".";
        }
        String spn = r.spn().get().toString();
        TicketResult t = r.ticket();
        if (t.outcome() != TicketOutcome.ISSUED) {
            return "The KDC did not issue a ticket for " + spn + ": " + t.outcome().words() + ".";
        }
        return switch (r.winrm()) {
            case ACCEPTED -> "WinRM on " + host + " accepts Kerberos for " + spn + ".";
            case REJECTED -> "The server rejected a Kerberos ticket for " + spn + whoseKey(r) + ".";
            case UNREACHABLE -> "A ticket for " + spn + " was issued" + whoseKey(r) + ", but WinRM on " + host
                    + " could not be asked: " + r.winrmDetail();
            case NOT_TRIED -> "A ticket for " + spn + " was issued" + whoseKey(r) + "; it was not sent to " + host
                    + (r.winrmDetail().isEmpty() ? "." : ": " + r.winrmDetail());
        };
    }

    /** "; the ticket carried key version 1, which is svc-srv003-web$'s key, not SRV003$'s (2)" — or "". */
    static String whoseKey(ProbeResult r) {
        OptionalInt kvno = r.ticket().kvno();
        if (kvno.isEmpty()) {
            return "";
        }
        int k = kvno.getAsInt();
        Map<String, Integer> kv = r.keyVersions();
        Integer computerKvno = r.computer().map(kv::get).orElse(null);
        List<String> others = r.kvnoMatches().stream().filter(m -> r.computer().map(c -> !c.equalsIgnoreCase(m)).orElse(true)).toList();
        StringBuilder sb = new StringBuilder("; the ticket carried key version ").append(k);
        if (computerKvno != null && computerKvno == k && others.isEmpty()) {
            return sb.append(", the key version of ").append(r.computer().get()).toString();
        }
        if (!others.isEmpty()) {
            sb.append(", which is ").append(String.join(" or ", others.stream().map(o -> o + "'s").toList())).append(" key");
            if (computerKvno != null && computerKvno != k) {
                sb.append(", not ").append(r.computer().get()).append("'s (").append(computerKvno).append(')');
            } else if (computerKvno != null) {
                sb.append(" (").append(r.computer().get()).append("'s key version is the same, so the number alone cannot tell them apart)");
            }
            return sb.toString();
        }
        if (computerKvno != null) {
            sb.append(", and ").append(r.computer().get()).append("'s key version is ").append(computerKvno);
        }
        return sb.toString();
    }

    /** What to tell the user after a fix was proven with fresh tickets. */
    static List<String> afterFix(ProbeResult r) {
        return List.of(
                "SPN Doctor asked with tickets of its own; your computer still holds the old ones. Purge them before you "
                        + "try again: klist purge (and klist -li 0x3e7 purge for services running as SYSTEM); on Linux kdestroy and kinit.",
                "Windows also remembers an SPN it could not find for 15 minutes (SpnCacheTimeout): a newly added SPN "
                        + "can seem not to work until then.");
    }
}
