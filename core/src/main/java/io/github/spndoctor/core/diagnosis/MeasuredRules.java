package io.github.spndoctor.core.diagnosis;

import java.util.List;

import static io.github.spndoctor.core.diagnosis.CauseId.*;

/**
 * How a live probe's measurement weighs on each cause. Facts count as facts (not scaled like text): a host that
 * rejected a ticket carrying a service account's key all but proves {@code http-spn-on-service-account}; a host that
 * accepted Kerberos rules the SPN causes out for this client and name. Stateless.
 */
final class MeasuredRules {
    /** SPN-side causes a measured acceptance speaks against. */
    static final List<CauseId> KERBEROS_CAUSES = List.of(HTTP_SPN_ON_SERVICE_ACCOUNT, SPN_ON_OTHER_COMPUTER, DUPLICATE_SPN,
            MISSING_SPN, BROKEN_SECURE_CHANNEL, TIME_SKEW, WINRM_UNREACHABLE, CNAME_ALIAS, NAME_RESOLUTION);

    private MeasuredRules() {}

    static void apply(Measurement m, Tally t) {
        String said = "Measured from this machine: " + m.summary();
        switch (m.result()) {
            case REJECTED -> {
                switch (m.keyOwner()) {
                    case SERVICE_ACCOUNT -> t.measured(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.9, said);
                    case OTHER_COMPUTER -> t.measured(SPN_ON_OTHER_COMPUTER, 0.85, said);
                    case THE_COMPUTER -> t.measured(BROKEN_SECURE_CHANNEL, 0.7, said
                            + " The ticket carried the computer's own key version, so the host's stored key differs from the directory's.");
                    case UNKNOWN -> {
                        t.measured(HTTP_SPN_ON_SERVICE_ACCOUNT, 0.45, said);
                        t.measured(SPN_ON_OTHER_COMPUTER, 0.3, said);
                    }
                }
                t.measuredAgainst(WINRM_UNREACHABLE, 0.9, said + " WinRM answered.");
                t.measuredAgainst(TIME_SKEW, 0.5, said + " The KDC issued the ticket.");
            }
            case ACCEPTED -> KERBEROS_CAUSES.forEach(c -> t.measuredAgainst(c, 0.85, said));
            case PRINCIPAL_UNKNOWN -> t.measured(MISSING_SPN, 0.7, said);
            case NOT_UNIQUE -> t.measured(DUPLICATE_SPN, 0.9, said);
            case CLOCK_SKEW -> t.measured(TIME_SKEW, 0.9, said);
            case UNREACHABLE -> t.measured(WINRM_UNREACHABLE, 0.7, said);
            case NOT_MEASURED -> { }
        }
        m.clockOffsetSeconds().ifPresent(o -> {
            if (Math.abs(o) >= 300) {
                t.measured(TIME_SKEW, 0.8, "Measured: the domain controller's clock is " + Math.abs(o)
                        + " seconds away from this machine's (Kerberos allows 300).");
            } else if (m.result() != Measurement.Result.CLOCK_SKEW) {
                t.measuredAgainst(TIME_SKEW, 0.6, "Measured: this machine's clock is within " + Math.max(1, Math.abs(o))
                        + " seconds of the domain controller's.");
            }
        });
    }
}
