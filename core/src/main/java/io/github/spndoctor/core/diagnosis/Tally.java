package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.symptom.Symptom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

final class Tally {
    /** Text alone never reaches certainty: its combined confidence is scaled by this. */
    static final double TEXT_CEILING = 0.9;
    /** Weight of {@code unknown} when nothing else has support; shrinks as the best cause grows. */
    static final double UNKNOWN_BASE = 0.3;

    private final Map<CauseId, Double> textSupport = new EnumMap<>(CauseId.class);
    private final Map<CauseId, Double> errorSupport = new EnumMap<>(CauseId.class);
    private final Map<CauseId, Double> factSupport = new EnumMap<>(CauseId.class);
    private final Map<CauseId, Double> against = new EnumMap<>(CauseId.class);
    private final Map<CauseId, List<Evidence>> evidence = new EnumMap<>(CauseId.class);
    /** After a failed lookup the answer is "unknown": it ranks first, text causes follow as hypotheses. */
    boolean unknownFirst;

    void text(CauseId id, double w, Evidence e) {
        if (w > 0) {
            textSupport.merge(id, w, Tally::or);
        } else {
            against.merge(id, -w, Tally::or);
        }
        add(id, e);
    }

    void error(CauseId id, double w, Evidence e) {
        errorSupport.merge(id, w, Math::max);
        add(id, e);
    }

    void support(CauseId id, double w, Evidence e, boolean fact) {
        (fact ? factSupport : textSupport).merge(id, w, Tally::or);
        add(id, e);
    }

    void dir(CauseId id, double w, String detail) {
        support(id, w, Evidence.directory(detail), true);
    }

    void name(CauseId id, double w, String detail) {
        support(id, w, new Evidence(Evidence.Source.NAME, detail, true), true);
    }

    void against(CauseId id, double w, String detail) {
        against.merge(id, w, Tally::or);
        add(id, Evidence.against(Evidence.Source.DIRECTORY, detail));
    }

    void answer(CauseId id, double w, String detail) {
        if (w > 0) {
            factSupport.merge(id, w, Tally::or);
        } else {
            against.merge(id, -w, Tally::or);
        }
        add(id, new Evidence(Evidence.Source.ANSWER, detail, w > 0));
    }

    void measured(CauseId id, double w, String detail) {
        support(id, w, new Evidence(Evidence.Source.PROBE, detail, true), true);
    }

    void measuredAgainst(CauseId id, double w, String detail) {
        against.merge(id, w, Tally::or);
        add(id, Evidence.against(Evidence.Source.PROBE, detail));
    }

    void nameAgainst(CauseId id, double w, String detail) {
        against.merge(id, w, Tally::or);
        add(id, Evidence.against(Evidence.Source.NAME, detail));
    }

    private void add(CauseId id, Evidence e) {
        List<Evidence> list = evidence.computeIfAbsent(id, k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.detail().equals(e.detail()) && x.supports() == e.supports())) {
            list.add(e);
        }
    }

    private static double or(double a, double b) {
        return 1 - (1 - a) * (1 - b);
    }

    List<RankedCause> rank(Symptom symptom) {
        List<RankedCause> out = new ArrayList<>();
        double best = 0;
        for (CauseId id : CauseId.values()) {
            if (id == CauseId.UNKNOWN) {
                continue;
            }
            double c = confidence(id);
            if (c > 0) {
                out.add(new RankedCause(id, c, evidence.getOrDefault(id, List.of())));
                best = Math.max(best, c);
            }
        }
        double unknown = or(confidence(CauseId.UNKNOWN), UNKNOWN_BASE * (1 - best));
        if (unknownFirst) {
            unknown = Math.max(unknown, Math.min(1, best + 0.01));
        }
        List<Evidence> ue = new ArrayList<>(evidence.getOrDefault(CauseId.UNKNOWN, List.of()));
        if (symptom.isEmpty()) {
            ue.add(new Evidence(Evidence.Source.TEXT, "No error code, message, client or clue was recognised in the text", true));
        } else if (best < 0.35) {
            ue.add(new Evidence(Evidence.Source.TEXT, "What was recognised does not point clearly at one cause", true));
        }
        symptom.note().ifPresent(n -> ue.add(new Evidence(Evidence.Source.TEXT, n, true)));
        out.add(new RankedCause(CauseId.UNKNOWN, clamp(unknown), ue));
        out.sort(Comparator.comparingDouble(RankedCause::confidence).reversed()
                .thenComparing(rc -> rc.id().ordinal()));
        return out;
    }

    private double confidence(CauseId id) {
        double t = or(textSupport.getOrDefault(id, 0.0), errorSupport.getOrDefault(id, 0.0)) * TEXT_CEILING;
        double f = factSupport.getOrDefault(id, 0.0);
        double p = or(t, f);
        p *= 1 - against.getOrDefault(id, 0.0);
        return clamp(p);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, Math.round(p * 1000) / 1000.0));
    }
}
