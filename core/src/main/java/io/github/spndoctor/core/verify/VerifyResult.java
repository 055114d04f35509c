package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.lookup.LookupResult;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a fix (or an undo): the fresh lookup and what it shows, the Kerberos ticket check when one
 * could run, the verdict, what proves the remedy, what the person still has to do, and reminders. Immutable. A failed
 * lookup gives UNKNOWN, never FIXED; guidance-only remedies give GUIDANCE, never FIXED.
 *
 * @param proof what proves this remedy worked, in a sentence
 * @param toDo  steps the person still has to take (client options, registry values, commands on a server)
 */
public record VerifyResult(Verdict verdict, Optional<LookupResult> lookup, List<RankedCause> causes, List<String> findings,
                           Optional<TicketCheck> ticket, List<String> reminders, String proof, List<String> toDo) {
    /** Overall answer. */
    public enum Verdict {
        /** Everything the remedy relies on is proven; nothing is left to do. */
        FIXED("fixed"),
        /** The directory part is proven; the listed steps on clients or servers remain. */
        STEPS_REMAIN("done in the directory; steps remain"),
        /** What the remedy relies on is not in place. */
        NOT_FIXED("NOT fixed"),
        /** The check could not be made. */
        UNKNOWN("unknown (could not check)"),
        /** Nothing in the directory to check: the steps are for a person. */
        GUIDANCE("steps for a person; nothing to check in the directory"),
        /** After an undo: every change is reversed. */
        UNDONE("undone: the directory is as it was before"),
        /** After an undo: not every change is reversed. */
        NOT_UNDONE("NOT fully undone");

        private final String words;

        Verdict(String words) { this.words = words; }

        public String words() { return words; }

        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    public VerifyResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(lookup, "lookup");
        causes = List.copyOf(causes);
        findings = List.copyOf(findings);
        Objects.requireNonNull(ticket, "ticket");
        reminders = List.copyOf(reminders);
        proof = proof == null ? "" : proof;
        toDo = List.copyOf(toDo);
    }

    /** A few lines for a console or a result page. */
    public String summary() {
        StringBuilder sb = new StringBuilder("Check: ").append(verdict.words()).append('\n');
        if (!proof.isEmpty()) {
            sb.append(" What proves it: ").append(proof).append('\n');
        }
        findings.forEach(f -> sb.append(" - ").append(f).append('\n'));
        ticket.ifPresent(t -> sb.append(" - Kerberos: ").append(t.explanation()).append('\n')
                .append("   KDC answer: ").append(t.answer().replace("\n", "\n   ")).append('\n'));
        toDo.forEach(t -> sb.append(" > Still to do: ").append(t).append('\n'));
        reminders.forEach(r -> sb.append(" * ").append(r).append('\n'));
        return sb.toString();
    }
}
