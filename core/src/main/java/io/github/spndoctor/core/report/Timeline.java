package io.github.spndoctor.core.report;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.text.RedactedText;
import io.github.spndoctor.core.verify.VerifyResult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happened in one troubleshooting session, in order and with the time: the steps the wizard and the CLI both
 * record with the same words, for the session report. Thread-safe; entries are only ever added.
 */
public final class Timeline {
    /** One step: when, and what in plain words. */
    public record Entry(Instant at, String step) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(step, "step");
        }
    }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    public Timeline() {
        this(Clock.systemUTC());
    }

    public Timeline(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds {@code step}, stamped now; the text is redacted like everything the user may have typed. */
    public synchronized void note(String step) {
        entries.add(new Entry(clock.instant(), RedactedText.of(step).text()));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public void symptom(RedactedText text) {
        note(text.isBlank() ? "No error text given" : "Error text given (" + text.length() + " characters)");
    }

    public void lookedUp(LookupResult l) {
        note("Looked up " + l.target().asTyped() + ": " + l.registrations().size() + " SPN"
                + (l.registrations().size() == 1 ? "" : "s") + " checked, computer account "
                + l.computer().map(c -> c.ref().samAccountName()).orElse("not found"));
    }

    public void lookupFailed(DirectoryException e) {
        note("Lookup failed: " + e.getMessage());
    }

    public void diagnosed(List<RankedCause> causes) {
        note(causes.isEmpty() ? "Diagnosis: no SPN problem found"
                : "Diagnosis: " + causes.get(0).id().id() + " most likely (" + Math.round(causes.get(0).confidence() * 100) + "%)");
    }

    public void planned(Plan p) {
        note("Plan chosen: " + p.title());
    }

    public void rechecked(Recheck r) {
        note("Checked before applying: " + r.message());
    }

    public void applied(ApplyReport r) {
        note("Applied: " + r.message());
    }

    public void verified(VerifyResult v) {
        note("Checked again: " + v.verdict().id());
    }

    public void undone(ApplyReport r) {
        note("Undone: " + r.message());
    }
}
