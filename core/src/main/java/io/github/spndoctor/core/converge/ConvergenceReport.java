package io.github.spndoctor.core.converge;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One look at every domain controller after a write: which hold the change, which are stale, which could not be
 * read, and the verdict in plain words. Immutable.
 *
 * @param dcs       one status per DC, in the topology's order (site, name)
 * @param expected  the values that were checked
 * @param writtenAt when the write was confirmed (the journal's last outcome)
 * @param checkedAt when this round finished
 * @param compared  what was compared, in plain words
 */
public record ConvergenceReport(List<DcStatus> dcs, List<Expectation> expected, Instant writtenAt, Instant checkedAt,
                                String compared) {
    public ConvergenceReport {
        dcs = List.copyOf(dcs);
        expected = List.copyOf(expected);
    }

    /** True when there is at least one DC and every one holds the change. An unreachable DC is never converged. */
    public boolean converged() {
        return !dcs.isEmpty() && dcs.stream().allMatch(d -> d.state() == DcState.CONVERGED);
    }

    public long count(DcState state) {
        return dcs.stream().filter(d -> d.state() == state).count();
    }

    /**
     * "All 2 domain controllers hold the change (DC2 after 4.8 s)." or "1 of 2 domain controllers holds the
     * change; not yet: DC2 (12.0 s since the write)."
     */
    public String verdict() {
        if (dcs.isEmpty()) {
            return "No domain controller was found to check.";
        }
        if (converged()) {
            if (dcs.size() == 1) {
                return "The only domain controller, " + dcs.get(0).dc().shortName() + ", holds the change.";
            }
            DcStatus last = dcs.stream().max(Comparator.comparingDouble(DcStatus::seconds)).orElseThrow();
            DcStatus first = dcs.stream().min(Comparator.comparingDouble(DcStatus::seconds)).orElseThrow();
            if (first.seconds() == last.seconds()) { // all seen in one look: which came last is not known
                return "All " + dcs.size() + " domain controllers hold the change (seen " + last.secondsText()
                        + " after the write).";
            }
            return "All " + dcs.size() + " domain controllers hold the change (" + last.dc().shortName() + " after "
                    + last.secondsText() + ").";
        }
        long ok = count(DcState.CONVERGED);
        StringBuilder sb = new StringBuilder();
        sb.append(ok).append(" of ").append(dcs.size()).append(dcs.size() == 1 ? " domain controller " : " domain controllers ")
                .append(ok == 1 ? "holds" : "hold").append(" the change");
        List<String> stale = names(DcState.STALE);
        List<String> down = names(DcState.UNREACHABLE);
        if (!stale.isEmpty()) {
            sb.append("; not yet: ").append(String.join(", ", stale));
        }
        if (!down.isEmpty()) {
            sb.append("; unreachable: ").append(String.join(", ", down));
        }
        return sb.append('.').toString();
    }

    private List<String> names(DcState state) {
        return dcs.stream().filter(d -> d.state() == state)
                .map(d -> d.dc().shortName() + " (" + d.secondsText() + " since the write)").toList();
    }

    /** The status of the DC named {@code shortOrDnsName} (case-insensitive). */
    public Optional<DcStatus> dc(String shortOrDnsName) {
        return dcs.stream().filter(d -> d.dc().shortName().equalsIgnoreCase(shortOrDnsName)
                || d.dc().name().equalsIgnoreCase(shortOrDnsName)).findFirst();
    }

    /** A plain-text table, one line per DC, for the command line and reports. */
    public String table() {
        int w = Math.max(18, dcs.stream().mapToInt(d -> d.dc().name().length()).max().orElse(0) + 2);
        int ws = Math.max(6, dcs.stream().mapToInt(d -> d.dc().site().length()).max().orElse(0) + 2);
        StringBuilder sb = new StringBuilder();
        sb.append(pad("Domain controller", w)).append(pad("Site", ws)).append(pad("State", 16)).append(pad("Time", 10))
                .append("Value from\n");
        for (DcStatus d : dcs) {
            String origin = d.origin().map(o -> o.originatingDc() + " at " + o.changedAt() + " (version " + o.version() + ")")
                    .orElse("-");
            sb.append(pad(d.dc().name(), w)).append(pad(d.dc().site(), ws)).append(pad(d.state().words(), 16))
                    .append(pad(d.secondsText(), 10)).append(origin).append('\n');
            if (!d.detail().isEmpty()) {
                sb.append("    ").append(d.detail()).append('\n');
            }
        }
        sb.append("Compared: ").append(compared).append('\n');
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    @Override
    public String toString() {
        return "ConvergenceReport[" + verdict().toLowerCase(Locale.ROOT) + "]";
    }
}
