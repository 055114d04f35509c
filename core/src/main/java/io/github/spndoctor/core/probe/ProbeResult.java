package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.spn.WinrmClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one live probe measured. Immutable; holds no token and no password.
 *
 * @param tcp          port → whether a TCP connection was accepted (5985 and 5986)
 * @param listener     an anonymous WS-Management Identify got an IdentifyResponse
 * @param answer       who answers the SPN in the directory (empty when no SPN or the directory could not say)
 * @param keyVersions  sAMAccountName → msDS-KeyVersionNumber of the candidate accounts (the SPN's holders and the
 *                     target computer)
 * @param kvnoMatches  the candidates whose key version equals the ticket's kvno
 * @param freshTickets true when the ticket came from SPN Doctor's own Subject, not a cached one
 * @param stopped      true when the user stopped the probe
 */
public record ProbeResult(Endpoint target, WinrmClient client, Optional<Spn> spn, NameFacts dns, Map<Integer, Boolean> tcp,
                          boolean listener, Optional<SpnAnswer> answer, Optional<String> computer, TicketResult ticket,
                          Map<String, Integer> keyVersions, List<String> kvnoMatches, WinrmOutcome winrm,
                          String winrmDetail, OptionalLong clockOffsetSeconds, boolean freshTickets, boolean stopped,
                          List<ProbeStep> steps, Instant at, Duration took) {
    public ProbeResult {
        Objects.requireNonNull(target, "target");
        tcp = Map.copyOf(tcp);
        keyVersions = Map.copyOf(keyVersions);
        kvnoMatches = List.copyOf(kvnoMatches);
        steps = List.copyOf(steps);
        winrmDetail = winrmDetail == null ? "" : winrmDetail;
    }

    /** The host the request went to, as named in the Host header. */
    public String host() { return target.name().asTyped(); }

    /**
     * The measured facts in one or two sentences, e.g. "The server rejected a Kerberos ticket for
     * HTTP/srv003.lab.test; the ticket carried key version 1, which is svc-srv003-web$'s key, not SRV003$'s (2)."
     */
    public String summary() {
        return ProbeWords.summary(this);
    }

    /**
     * The summary as told after a change was applied or undone: an accepted request reads "WinRM on srv003.lab.test
     * now accepts Kerberos for HTTP/srv003.lab.test." (the wizard's Result page, {@code fix --probe} and the report).
     */
    public String summary(boolean afterChange) {
        return afterChange && winrm == WinrmOutcome.ACCEPTED && spn.isPresent()
                ? "WinRM on " + host() + " now accepts Kerberos for " + spn.get() + "." : summary();
    }

    /** The steps as lines ("✔ DNS: looking up … : 127.0.0.1 …"), for the timeline's detail. */
    public String stepLines() {
        StringBuilder sb = new StringBuilder();
        for (ProbeStep s : steps) {
            sb.append(switch (s.status()) {
                case OK -> "OK       ";
                case PROBLEM -> "PROBLEM  ";
                case INFO, RUNNING -> "INFO     ";
            }).append(s.sends()).append(": ").append(s.result()).append('\n');
        }
        return io.github.spndoctor.core.text.Redaction.redact(sb.toString().stripTrailing());
    }

    /** This run as a piece of the session's evidence; {@code when}: "before the fix, 23:10:04Z" and the like. */
    public io.github.spndoctor.core.evidence.EvidenceItem evidence(String when, boolean afterChange) {
        return ProbeEvidence.of(this, when, afterChange);
    }

    /** The result as evidence for the diagnosis. */
    public io.github.spndoctor.core.diagnosis.Measurement measurement() {
        return ProbeMeasurement.of(this);
    }
}
