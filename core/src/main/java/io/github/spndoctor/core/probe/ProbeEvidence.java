package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.evidence.EvidenceFact;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.evidence.EvidenceKind;
import io.github.spndoctor.core.text.Redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * One probe run as a piece of the session's evidence (the report's "Live probe" table): when it ran (before the
 * fix, after it, after an undo), the SPN the client asks for, whose key the ticket carried, the host's answer and
 * the verdict. Clear facts only: no token, no password. Stateless.
 */
final class ProbeEvidence {
    static final String SOURCE = "SPN Doctor's live probe";

    private ProbeEvidence() {}

    static EvidenceItem of(ProbeResult r, String when, boolean afterChange) {
        List<EvidenceFact> facts = new ArrayList<>();
        facts.add(fact(EvidenceFact.Type.CLIENT, r.client().label() + " to " + r.host()));
        facts.add(fact(EvidenceFact.Type.REQUESTED_SPN, r.spn().map(Object::toString).orElse("none (no Kerberos for this name)")));
        facts.add(fact(EvidenceFact.Type.KEY_OF, keyOf(r)));
        facts.add(fact(EvidenceFact.Type.HOST_ANSWER, answer(r)));
        facts.add(fact(EvidenceFact.Type.VERDICT, r.summary(afterChange)));
        return new EvidenceItem(SOURCE, EvidenceKind.LIVE_PROBE, when, facts, List.of());
    }

    /** "svc-srv003-web$ (key version 1; SRV003$ has 2)", or why it is not known. */
    static String keyOf(ProbeResult r) {
        TicketResult t = r.ticket();
        if (t.outcome() != TicketOutcome.ISSUED) {
            return "no ticket: " + t.outcome().words();
        }
        if (t.kvno().isEmpty()) {
            return "not known (the ticket's key version could not be read)";
        }
        int k = t.kvno().getAsInt();
        StringBuilder sb = new StringBuilder(r.kvnoMatches().isEmpty() ? "no candidate account has key version " + k
                : String.join(" or ", r.kvnoMatches()) + " (key version " + k + ")");
        r.computer().filter(c -> !r.kvnoMatches().contains(c)).map(c -> r.keyVersions().get(c))
                .ifPresent(v -> sb.append("; ").append(r.computer().get()).append(" has key version ").append(v));
        return sb.toString();
    }

    static String answer(ProbeResult r) {
        return switch (r.winrm()) {
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case UNREACHABLE -> "unreachable";
            case NOT_TRIED -> "not tried";
        } + (r.winrmDetail().isEmpty() ? "" : ": " + r.winrmDetail());
    }

    private static EvidenceFact fact(EvidenceFact.Type type, String value) {
        return new EvidenceFact(type, Redaction.redact(value));
    }
}
