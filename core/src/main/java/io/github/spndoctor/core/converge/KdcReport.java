package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.render.Words;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the KDC of each domain controller answered after a watch ({@link KdcCheck}), grouped by DC, or why no KDC was
 * asked. The words and the per-DC verdicts both faces show and the session's report records. Immutable.
 *
 * @param tickets every answer, in the order asked
 * @param stopped true when the user stopped before every DC's KDC was asked
 * @param note    why nothing was asked (empty when something was)
 */
public record KdcReport(List<KdcCheck.DcTicket> tickets, boolean stopped, String note) {
    /** One DC's answers: the worst verdict decides how the DC is shown. */
    public record PerDc(DcStatus dc, KdcCheck.Verdict verdict, List<String> words) {
        public PerDc {
            Objects.requireNonNull(dc, "dc");
            Objects.requireNonNull(verdict, "verdict");
            words = List.copyOf(words);
        }
    }

    public KdcReport {
        tickets = List.copyOf(tickets);
        note = note == null ? "" : note;
    }

    /** No KDC was asked, and why, in plain words. */
    public static KdcReport notAsked(String why) {
        return new KdcReport(List.of(), false, why);
    }

    /** The answers grouped by DC, in the order asked. */
    public List<PerDc> perDc() {
        Map<String, List<KdcCheck.DcTicket>> by = new LinkedHashMap<>();
        tickets.forEach(t -> by.computeIfAbsent(t.dc().dc().name(), k -> new ArrayList<>()).add(t));
        List<PerDc> out = new ArrayList<>();
        for (List<KdcCheck.DcTicket> mine : by.values()) {
            KdcCheck.Verdict worst = KdcCheck.Verdict.IN_EFFECT;
            for (KdcCheck.DcTicket t : mine) {
                if (t.verdict().compareTo(worst) > 0) {
                    worst = t.verdict();
                }
            }
            out.add(new PerDc(mine.get(0).dc(), worst, mine.stream().map(KdcCheck.DcTicket::words).toList()));
        }
        return out;
    }

    /**
     * One sentence: "The KDCs of 2 domain controllers were asked: 1 issues with the new key, 1 still with the old
     * holder's (DC2)." or the note.
     */
    public String summary() {
        if (tickets.isEmpty()) {
            return note.isEmpty() ? (stopped ? "Stopped before any domain controller's KDC was asked." : "No domain controller's KDC was asked.") : note;
        }
        List<PerDc> dcs = perDc();
        List<String> old = dcs.stream().filter(d -> d.verdict() == KdcCheck.Verdict.OLD_HOLDER).map(d -> d.dc().dc().shortName()).toList();
        long good = dcs.stream().filter(d -> d.verdict() == KdcCheck.Verdict.IN_EFFECT).count();
        String asked = "Asked the KDC of " + Words.count(dcs.size(), "domain controller", "domain controllers") + ": ";
        String verdict;
        if (good == dcs.size()) {
            verdict = dcs.size() == 1 ? "the change is in effect there." : "the change is in effect on every one.";
        } else if (!old.isEmpty()) {
            verdict = String.join(" and ", old) + (old.size() == 1 ? " still issues" : " still issue")
                    + " tickets with the key of the account the SPN was removed from; clients that ask "
                    + (old.size() == 1 ? "it" : "them") + " still fail.";
        } else {
            verdict = good + " of " + dcs.size() + " answer with the change in effect; the others: " + String.join(", ",
                    dcs.stream().filter(d -> d.verdict() != KdcCheck.Verdict.IN_EFFECT)
                            .map(d -> d.dc().dc().shortName() + " (" + d.verdict().words() + ")").toList()) + ".";
        }
        return asked + verdict + (stopped ? " Stopped before the rest were asked." : "");
    }
}
