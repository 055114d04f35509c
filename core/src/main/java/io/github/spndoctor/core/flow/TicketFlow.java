package io.github.spndoctor.core.flow;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The ticket flow for one connection, drawn from the session's own names: the client asks the KDC for an SPN, the
 * KDC finds the account (exactly, or through HOST/), encrypts the ticket with that account's key, the client
 * presents it to the host, the host tries its own key, and the user sees the outcome. A structure, not a picture:
 * the wizard draws it with shapes, the report as SVG, the tests compare its outline. Immutable.
 *
 * @param steps   in order, for stepping through; each names the two nodes it connects
 * @param verdict how it ends
 */
public record TicketFlow(List<Node> nodes, List<Step> steps, Verdict verdict) {
    /** A box in the picture. */
    public record Node(Role role, String title, String detail) {
        public Node {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(title, "title");
            detail = detail == null ? "" : detail;
        }
    }

    /** What a node stands for. */
    public enum Role { CLIENT, KDC, HOLDER, HOST, USER }

    /** One arrow: {@code from} → {@code to} with its words; {@code good} false marks the step where it goes wrong. */
    public record Step(Role from, Role to, String label, boolean good) {
        public Step {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(label, "label");
        }
    }

    /** How the flow ends. Each has a word for the picture (never colour alone). */
    public enum Verdict {
        ACCEPTED("accepted"),
        WRONG_KEY("KRB_AP_ERR_MODIFIED"),
        KDC_REFUSED_DUPLICATE("refused by the KDC: duplicate"),
        KDC_REFUSED_UNKNOWN("refused by the KDC: unknown"),
        NO_KERBEROS("no Kerberos");

        private final String words;

        Verdict(String words) { this.words = words; }

        public String words() { return words; }

        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        public boolean ok() { return this == ACCEPTED; }
    }

    public TicketFlow {
        nodes = List.copyOf(nodes);
        steps = List.copyOf(steps);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The node for a role, if the flow has one. */
    public java.util.Optional<Node> node(Role role) {
        return nodes.stream().filter(n -> n.role() == role).findFirst();
    }

    /**
     * The same flow told for one client: its name on the client's box and in the first step, with how it came to ask
     * for that SPN ({@code how}: a CNAME followed, a reverse name, a setting) when that is more than the name as typed.
     */
    public TicketFlow forClient(String name, java.util.List<String> how) {
        java.util.List<Node> ns = nodes.stream().map(n -> n.role() == Role.CLIENT ? new Node(Role.CLIENT, name, n.detail()) : n).toList();
        java.util.List<Step> ss = new java.util.ArrayList<>(steps);
        if (!ss.isEmpty() && ss.get(0).from() == Role.CLIENT && ss.get(0).to() == Role.KDC) {
            Step first = ss.get(0);
            String asked = first.label().replaceFirst("^The client asks", name + " asks");
            if (!how.isEmpty()) {
                asked = asked.replaceFirst("\\.$", "") + " \u2014 " + String.join("; ", how) + ".";
            }
            ss.set(0, new Step(first.from(), first.to(), asked, first.good()));
        }
        return new TicketFlow(ns, ss, verdict);
    }

    /** The flow as plain lines (snapshot tests, the Markdown report, screen readers). */
    public String outline() {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append("[").append(n.role().name().toLowerCase(Locale.ROOT)).append("] ").append(n.title());
            if (!n.detail().isEmpty()) {
                sb.append(" - ").append(n.detail());
            }
            sb.append('\n');
        }
        int i = 1;
        for (Step s : steps) {
            sb.append(i++).append(". ").append(s.good() ? "" : "(x) ").append(s.label()).append('\n');
        }
        sb.append("=> ").append(verdict.words()).append('\n');
        return sb.toString();
    }
}
