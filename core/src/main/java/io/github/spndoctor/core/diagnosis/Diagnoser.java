package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.AuthPackage;
import io.github.spndoctor.core.symptom.Client;
import io.github.spndoctor.core.symptom.Clue;
import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.KnownError;
import io.github.spndoctor.core.symptom.SpnMention;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks every cause for a symptom: the text rules ({@link Rules}) give a hypothesis; a directory lookup
 * ({@link DirectoryRules}), the target name and DNS facts ({@link NameRules}), a live probe's measurement
 * ({@link MeasuredRules}) and the user's answers turn it into a verdict by supporting or ruling out causes, all
 * weighed in one {@link Tally}. A failed lookup never reads as healthy: {@code unknown} is ranked with the failure
 * as evidence. Pure functions; thread-safe.
 */
public final class Diagnoser {
    private Diagnoser() {}

    /** Diagnoses from text, plus the lookup when there is one. */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup) {
        return diagnose(symptom, lookup, Optional.empty());
    }

    /** Diagnoses from text, the lookup and DNS facts about the target name (each optional). */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup, Optional<NameFacts> names) {
        return diagnose(symptom, lookup, names, List.of());
    }

    /** As above, plus the user's answers to questions ({@link Questions}), weighed like directory facts. */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup, Optional<NameFacts> names,
                                     List<Answer> answers) {
        return diagnose(symptom, lookup, names, Optional.empty(), answers);
    }

    /**
     * Diagnoses from text, the lookup, DNS facts and what a live probe measured (each optional). Measured facts
     * outweigh the text.
     */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup, Optional<NameFacts> names,
                                     Optional<Measurement> measured) {
        return diagnose(symptom, lookup, names, measured, List.of());
    }

    /** Everything at once: text, lookup, DNS facts, the probe's measurement and the user's answers (each optional). */
    public static Diagnosis diagnose(Symptom symptom, Optional<LookupResult> lookup, Optional<NameFacts> names,
                                     Optional<Measurement> measured, List<Answer> answers) {
        Tally t = new Tally();
        text(symptom, t);
        lookup.ifPresent(l -> DirectoryRules.apply(symptom, l, t));
        Optional<TargetName> target = names.map(NameFacts::target).or(() -> lookup.map(LookupResult::target));
        target.ifPresent(n -> NameRules.shape(n, t));
        names.ifPresent(n -> NameRules.dns(n, lookup, t));
        measured.ifPresent(m -> MeasuredRules.apply(m, t));
        answers(answers, t);
        return new Diagnosis(t.rank(symptom), symptom, lookup.isPresent(), lookup, names, answers);
    }

    /**
     * Diagnoses from text after the lookup failed: {@code unknown} ranks first and carries the failure; the text's
     * causes follow as hypotheses. Never a verdict.
     */
    public static Diagnosis diagnoseAfterFailedLookup(Symptom symptom, DirectoryException failure) {
        return diagnoseAfterFailedLookup(symptom, failure, List.of());
    }

    /** As above, plus the user's answers. */
    public static Diagnosis diagnoseAfterFailedLookup(Symptom symptom, DirectoryException failure, List<Answer> answers) {
        Tally t = new Tally();
        t.unknownFirst = true;
        text(symptom, t);
        t.support(CauseId.UNKNOWN, 0.5, new Evidence(Evidence.Source.DIRECTORY,
                "The directory lookup failed: " + failure.getMessage()
                        + " Who holds the SPNs is not known, so no directory cause is confirmed or ruled out.", true), false);
        answers(answers, t);
        return new Diagnosis(t.rank(symptom), symptom, false, Optional.empty(), Optional.empty(), answers);
    }

    /** Each answer's effects (Questions): support or evidence against; the detail is what the user said. */
    private static void answers(List<Answer> answers, Tally t) {
        for (Answer a : answers) {
            a.choice().effects().forEach((cause, w) -> t.answer(cause, w, a.choice().said()));
        }
    }

    // ---------------------------------------------------------------------------------------------------- text

    private static void text(Symptom s, Tally t) {
        Set<TextSignal> signals = signals(s);
        for (Rule r : Rules.all()) {
            List<String> matched = new ArrayList<>();
            boolean all = true;
            for (Object cond : r.when()) {
                Optional<String> m = matched(s, signals, cond);
                if (m.isEmpty()) {
                    all = false;
                    break;
                }
                if (!matched.contains(m.get())) {
                    matched.add(m.get());
                }
            }
            if (!all) {
                continue;
            }
            String detail = "\"" + String.join("\" + \"", matched) + "\": " + r.why();
            Evidence e = new Evidence(Evidence.Source.TEXT, detail, r.weight() > 0);
            if (r.weight() > 0 && r.when().size() == 1 && r.when().get(0) instanceof KnownError) {
                // several error facts (code, message, event 4) usually describe one failure: the strongest counts
                t.error(r.cause(), r.weight(), e);
            } else {
                t.text(r.cause(), r.weight(), e);
            }
        }
    }

    static Set<TextSignal> signals(Symptom s) {
        Set<TextSignal> out = EnumSet.noneOf(TextSignal.class);
        s.target().ifPresent(tf -> {
            switch (tf.kind()) {
                case IPV4, IPV6 -> out.add(TextSignal.TARGET_IS_IP);
                case LOCALHOST -> out.add(TextSignal.TARGET_IS_LOCALHOST);
                default -> { }
            }
        });
        s.requestedSpn().ifPresent(m -> {
            if (m.spn().hasClass("HTTP")) {
                out.add(TextSignal.REQUESTED_HTTP_SPN);
            } else if (m.spn().hasClass("WSMAN")) {
                out.add(TextSignal.REQUESTED_WSMAN_SPN);
            } else {
                out.add(TextSignal.REQUESTED_OTHER_SPN);
            }
        });
        return out;
    }

    private static Optional<String> matched(Symptom s, Set<TextSignal> signals, Object cond) {
        if (cond instanceof KnownError e) {
            return s.fact(e).map(Fact::matched);
        }
        if (cond instanceof Clue c) {
            return s.clues().stream().filter(f -> f.value() == c).findFirst().map(Fact::matched);
        }
        if (cond instanceof Client c) {
            return s.clients().stream().filter(f -> f.value() == c).findFirst().map(Fact::matched);
        }
        if (cond instanceof AuthPackage a) {
            return s.authPackages().stream().filter(f -> f.value() == a).findFirst().map(Fact::matched);
        }
        if (cond instanceof TextSignal sig && signals.contains(sig)) {
            return switch (sig) {
                case TARGET_IS_IP, TARGET_IS_LOCALHOST -> s.target().map(tf -> tf.matched());
                default -> s.requestedSpn().map(SpnMention::matched);
            };
        }
        return Optional.empty();
    }

}
