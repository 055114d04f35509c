package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.lookup.LookupResult;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a fix: the fresh lookup and what it shows, the Kerberos ticket check when one could run,
 * the verdict, and reminders for the person. Immutable. A failed lookup gives verdict UNKNOWN, never FIXED.
 */
public record VerifyResult(Verdict verdict, Optional<LookupResult> lookup, List<RankedCause> causes, List<String> findings,
                           Optional<TicketCheck> ticket, List<String> reminders) {
    /** Overall answer. */
    public enum Verdict {
        FIXED, NOT_FIXED, UNKNOWN;

        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    public VerifyResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(lookup, "lookup");
        causes = List.copyOf(causes);
        findings = List.copyOf(findings);
        Objects.requireNonNull(ticket, "ticket");
        reminders = List.copyOf(reminders);
    }

    /** A few lines for a console or a result page. */
    public String summary() {
        StringBuilder sb = new StringBuilder("Check: ").append(switch (verdict) {
            case FIXED -> "fixed";
            case NOT_FIXED -> "NOT fixed";
            case UNKNOWN -> "unknown (could not check)";
        }).append('\n');
        findings.forEach(f -> sb.append(" - ").append(f).append('\n'));
        ticket.ifPresent(t -> sb.append(" - Kerberos: ").append(t.explanation()).append('\n')
                .append("   KDC answer: ").append(t.answer().replace("\n", "\n   ")).append('\n'));
        reminders.forEach(r -> sb.append(" * ").append(r).append('\n'));
        return sb.toString();
    }
}
