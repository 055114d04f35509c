package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.CauseSummary;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.model.TargetName;

import java.util.List;
import java.util.Optional;

/**
 * What the Diagnosis page lays out while it is prepared in idle time ({@link DiagnosisPage#rehearsal()}): a verdict
 * and cause cards shaped like a real diagnosis, with the catalogue's own titles, explanations and checks for a host
 * that does not exist. Never shown.
 */
final class Rehearsal {
    private Rehearsal() {}

    private static final TargetName HOST = TargetName.parse("rehearsal.example.test");

    static final HostVerdict VERDICT = new HostVerdict(HostVerdict.Kind.HEALTHY,
            "No SPN problem found for rehearsal.example.test. One SPN other clients ask for is missing.",
            Optional.empty(), List.of("Check the client's time", "Check the secure channel"),
            HostVerdict.Caveat.WARNING, "One SPN other clients ask for is missing.");

    static final List<CauseSummary> CAUSES = List.of(
            cause(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, 0.86, 3),
            cause(CauseId.DUPLICATE_SPN, 0.4, 2),
            cause(CauseId.MISSING_SPN, 0.2, 1),
            cause(CauseId.SPN_ON_OTHER_COMPUTER, 0.1, 1),
            cause(CauseId.IP_ADDRESS_NTLM, 0.05, 1),
            cause(CauseId.values()[CauseId.values().length - 1], 0.02, 0));

    private static CauseSummary cause(CauseId id, double confidence, int evidence) {
        List<Evidence> ev = new java.util.ArrayList<>();
        for (int i = 0; i < evidence; i++) {
            ev.add(i % 2 == 0 ? Evidence.directory("HTTP/rehearsal.example.test is held by svc-rehearsal, not the computer")
                    : Evidence.against(Evidence.Source.TEXT, "the error text names no certificate problem"));
        }
        return CauseSummary.of(new RankedCause(id, confidence, ev), HOST, Optional.empty());
    }
}
