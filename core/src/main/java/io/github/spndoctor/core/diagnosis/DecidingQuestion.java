package io.github.spndoctor.core.diagnosis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the one question (or check) that best separates the leading causes, when the evidence cannot decide
 * (ADR 0205, docs/diagnosis.md §6):
 * <ul>
 *   <li>a question is asked when the best specific cause is below "likely" ({@link Confidence#LIKELY}), or the
 *       runner-up is within {@link #MARGIN} of it — and fewer than {@link #MAX_ANSWERS} answers were given;</li>
 *   <li>the candidates are the best specific causes within the margin (at least two, at most {@link #CANDIDATES});
 *       with no text and no lookup, every cause, weighted by the {@link #PRIOR} (how often each cause appears in
 *       public reports) and the answers so far ({@link #fromAnswers});</li>
 *   <li>each unanswered, applicable question scores its expected information gain over the candidates
 *       ({@link #score}) — the last of the three its {@link #decisiveness} instead; the highest wins, ties go to the
 *       earlier question in {@link Questions}; a check's score counts {@link #CHECK_COST} times.</li>
 * </ul>
 * Pure functions; thread-safe.
 */
public final class DecidingQuestion {
    /** Causes closer than this to the best one are not yet told apart. */
    public static final double MARGIN = 0.15;
    /** At most this many answers are asked for. */
    public static final int MAX_ANSWERS = 3;
    /** At most this many leading causes are separated. */
    static final int CANDIDATES = 3;
    /** Below this the best cause counts as having no support: the prior decides what to ask. */
    static final double NO_SUPPORT = 0.1;
    /** A check (run a command, look in a log) is asked only when it gains clearly more than a question: its score × this. */
    static final double CHECK_COST = 0.6;
    /** How strongly effects shape the answer model: effect 0.6 makes an answer about 11 times likelier. */
    static final double SHARPNESS = 4;
    /** A question expected to gain less than this (bits) is not worth asking. */
    static final double MIN_SCORE = 0.02;
    /**
     * Relative frequency of the causes in public reports (knowledge.md §3.1's ranking for 0x80090322, and the spread
     * of the real-report set), used only to choose a first question when nothing is known.
     */
    static final Map<CauseId, Double> PRIOR = prior();

    private DecidingQuestion() {}

    /** The question to ask next, or empty when the diagnosis is clear enough, three answers were given, or nothing separates. */
    public static Optional<Question> next(Diagnosis d) {
        if (d.answers().size() >= MAX_ANSWERS) {
            return Optional.empty();
        }
        Map<CauseId, Double> candidates = candidates(d);
        if (candidates.size() < 2) {
            return Optional.empty();
        }
        Set<String> answered = d.answers().stream().map(a -> a.question().id()).collect(Collectors.toSet());
        Question best = null;
        double bestScore = MIN_SCORE;
        for (Question q : Questions.all()) {
            if (answered.contains(q.id()) || !Questions.applies(q, d)) {
                continue;
            }
            double s = (d.answers().size() == MAX_ANSWERS - 1 ? decisiveness(q, candidates) : score(q, candidates))
                    * (q.kind() == Question.Kind.CHECK ? CHECK_COST : 1);
            if (s > bestScore + 1e-9) {
                best = q;
                bestScore = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The causes a question should separate, with their weights; empty when the diagnosis is clear. */
    static Map<CauseId, Double> candidates(Diagnosis d) {
        List<RankedCause> specific = d.causes().stream().filter(c -> c.id() != CauseId.UNKNOWN).toList();
        double best = specific.isEmpty() ? 0 : specific.get(0).confidence();
        boolean close = specific.size() > 1 && best - specific.get(1).confidence() <= MARGIN;
        boolean weak = best < Confidence.LIKELY.from();
        if (!close && !weak) {
            return Map.of();
        }
        if (d.symptom().isEmpty() && d.lookup().isEmpty()) {
            return fromAnswers(d.answers());
        }
        if (best < NO_SUPPORT) {
            return PRIOR;
        }
        Map<CauseId, Double> out = new EnumMap<>(CauseId.class);
        for (RankedCause c : specific) {
            if (out.size() >= CANDIDATES || (out.size() >= 2 && !weak && best - c.confidence() > MARGIN)) {
                break;
            }
            out.put(c.id(), Math.max(c.confidence(), 0.05));
        }
        if (out.size() < 2) {
            // only one specific cause has support: separate it from the most common others
            List<Map.Entry<CauseId, Double>> common = new ArrayList<>(PRIOR.entrySet());
            common.sort(Map.Entry.<CauseId, Double>comparingByValue().reversed());
            for (Map.Entry<CauseId, Double> p : common) {
                if (out.size() >= CANDIDATES) {
                    break;
                }
                out.putIfAbsent(p.getKey(), p.getValue() * 0.5);
            }
        }
        return out;
    }

    /**
     * With nothing but answers, every cause stays a candidate: the prior, times each answer's likelihood under the
     * cause ({@link #likelihood}, as in {@link #score}), so causes the answers speak against fade and the others stay askable.
     */
    static Map<CauseId, Double> fromAnswers(List<Answer> answers) {
        Map<CauseId, Double> out = new EnumMap<>(CauseId.class);
        for (Map.Entry<CauseId, Double> p : PRIOR.entrySet()) {
            double w = p.getValue();
            for (Answer a : answers) {
                w *= likelihood(a.choice().effect(p.getKey()));
            }
            out.put(p.getKey(), w);
        }
        return out;
    }

    /**
     * Expected information gain (bits) of asking {@code q} about the candidates: the candidates' weights, normalised,
     * are the belief; under cause c an answer a is taken as likely in proportion to {@link #likelihood}(effect<sub>c</sub>(a))
     * (answers that say nothing, "not tried", are left out). Gain = H(belief) − Σ<sub>a</sub> P(a)·H(belief | a).
     */
    static double score(Question q, Map<CauseId, Double> candidates) {
        List<Question.Choice> informative = q.choices().stream().filter(c -> !c.effects().isEmpty()).toList();
        if (informative.size() < 2) {
            return 0;
        }
        List<CauseId> ids = new ArrayList<>(candidates.keySet());
        double total = candidates.values().stream().mapToDouble(Double::doubleValue).sum();
        double[] p = new double[ids.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = candidates.get(ids.get(i)) / total;
        }
        // likelihood of each answer under each cause, normalised per cause
        double[][] like = new double[ids.size()][informative.size()];
        for (int i = 0; i < ids.size(); i++) {
            double sum = 0;
            for (int a = 0; a < informative.size(); a++) {
                like[i][a] = likelihood(informative.get(a).effect(ids.get(i)));
                sum += like[i][a];
            }
            for (int a = 0; a < informative.size(); a++) {
                like[i][a] /= sum;
            }
        }
        double after = 0;
        for (int a = 0; a < informative.size(); a++) {
            double pa = 0;
            for (int i = 0; i < p.length; i++) {
                pa += p[i] * like[i][a];
            }
            double[] post = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                post[i] = p[i] * like[i][a] / pa;
            }
            after += pa * entropy(post);
        }
        return entropy(p) - after;
    }

    /**
     * For the last question: the expected belief in the cause that leads after the answer, minus the belief in the
     * leader now — how likely the answer leaves one cause standing out. Same answer model as {@link #score}.
     */
    static double decisiveness(Question q, Map<CauseId, Double> candidates) {
        List<Question.Choice> informative = q.choices().stream().filter(c -> !c.effects().isEmpty()).toList();
        if (informative.size() < 2) {
            return 0;
        }
        double total = candidates.values().stream().mapToDouble(Double::doubleValue).sum();
        double now = candidates.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) / total;
        double expected = 0;
        for (Question.Choice a : informative) {
            double pa = 0;
            double top = 0;
            for (Map.Entry<CauseId, Double> c : candidates.entrySet()) {
                double p = c.getValue() / total;
                double sum = informative.stream().mapToDouble(x -> likelihood(x.effect(c.getKey()))).sum();
                double joint = p * likelihood(a.effect(c.getKey())) / sum;
                pa += joint;
                top = Math.max(top, joint);
            }
            expected += top; // = P(a) · max posterior given a
        }
        return expected - now;
    }

    /** How much likelier an answer is under a cause it supports: exp(SHARPNESS · effect) (1 when it says nothing). */
    static double likelihood(double effect) {
        return Math.exp(SHARPNESS * effect);
    }

    private static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x) / Math.log(2);
            }
        }
        return h;
    }

    private static Map<CauseId, Double> prior() {
        Map<CauseId, Double> m = new EnumMap<>(CauseId.class);
        m.put(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30);
        m.put(CauseId.SPN_ON_OTHER_COMPUTER, 0.12);
        m.put(CauseId.NAME_RESOLUTION, 0.12);
        m.put(CauseId.IP_ADDRESS_NTLM, 0.08);
        m.put(CauseId.SECOND_HOP_DELEGATION, 0.08);
        m.put(CauseId.DUPLICATE_SPN, 0.07);
        m.put(CauseId.BROKEN_SECURE_CHANNEL, 0.07);
        m.put(CauseId.ACCESS_DENIED, 0.06);
        m.put(CauseId.CNAME_ALIAS, 0.05);
        m.put(CauseId.MISSING_SPN, 0.05);
        m.put(CauseId.CROSS_DOMAIN_NO_TRUST, 0.04);
        m.put(CauseId.WINRM_UNREACHABLE, 0.04);
        m.put(CauseId.CREDSSP_DELEGATION_POLICY, 0.03);
        m.put(CauseId.TIME_SKEW, 0.03);
        return java.util.Collections.unmodifiableMap(m);
    }
}
