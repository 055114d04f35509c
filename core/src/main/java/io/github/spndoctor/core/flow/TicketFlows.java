package io.github.spndoctor.core.flow;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.spn.SpnResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the {@link TicketFlow} for a requested SPN and the host the client connects to, from the directory as it is
 * now (one truth with the KDC: {@link SpnResolver}, key versions from msDS-KeyVersionNumber). Blocks on the
 * directory; never on the UI thread.
 */
public final class TicketFlows {
    /** What a Windows client shows when the host cannot decrypt the ticket. */
    public static final String MODIFIED_SEEN = "0x80090322: \"An unknown security error occurred\"";

    private TicketFlows() {}

    /**
     * @param host     the name the client connects to (as typed)
     * @param computer the host's computer account, when found
     */
    public static TicketFlow of(Directory dir, Spn requested, String host, Optional<Account> computer) throws DirectoryException {
        SpnAnswer answer = SpnResolver.resolve(dir, dir.spnMappings(), requested);
        return of(answer, host, computer, kvno(dir, answer.answeredBy()), kvno(dir, computer), realm(requested, computer));
    }

    /** The flow from facts already known (tests, the report). {@code kvno}s are empty when the directory keeps none. */
    public static TicketFlow of(SpnAnswer answer, String host, Optional<Account> computer, OptionalInt holderKvno,
                                OptionalInt computerKvno, String realm) {
        Spn spn = answer.requested();
        List<TicketFlow.Node> nodes = new ArrayList<>();
        List<TicketFlow.Step> steps = new ArrayList<>();
        nodes.add(new TicketFlow.Node(TicketFlow.Role.CLIENT, "Client", "asks for " + spn));
        nodes.add(new TicketFlow.Node(TicketFlow.Role.KDC, "KDC" + (realm.isEmpty() ? "" : " (" + realm + ")"), "looks up " + spn));
        steps.add(new TicketFlow.Step(TicketFlow.Role.CLIENT, TicketFlow.Role.KDC, "The client asks the KDC for a ticket to " + spn + ".", true));
        String computerName = computer.map(c -> c.ref().samAccountName()).orElse("the host's computer account");
        if (!answer.ticketIssued()) {
            boolean dup = answer.how() == SpnAnswer.How.SEVERAL;
            String names = String.join(", ", answer.holders().stream().map(a -> a.ref().samAccountName()).toList());
            steps.add(new TicketFlow.Step(TicketFlow.Role.KDC, TicketFlow.Role.CLIENT, dup
                    ? "The KDC finds " + answer.holders().size() + " accounts holding " + answer.via().orElse(spn) + ": " + names
                    + ". It cannot choose and refuses (KDC_ERR_S_PRINCIPAL_UNKNOWN 0x7 / KDC_ERR_PRINCIPAL_NOT_UNIQUE 0x8)."
                    : "The KDC finds no account for " + spn + answer.via().map(v -> ", nor for " + v).orElse("")
                    + ", and refuses (KDC_ERR_S_PRINCIPAL_UNKNOWN 0x7).", false));
            nodes.add(new TicketFlow.Node(TicketFlow.Role.USER, "What the user sees",
                    "no Kerberos ticket: the client falls back to NTLM or fails"));
            steps.add(new TicketFlow.Step(TicketFlow.Role.CLIENT, TicketFlow.Role.USER,
                    "The user sees the connection fail (or NTLM used instead of Kerberos).", false));
            return new TicketFlow(nodes, steps, dup ? TicketFlow.Verdict.KDC_REFUSED_DUPLICATE : TicketFlow.Verdict.KDC_REFUSED_UNKNOWN);
        }
        Account holder = answer.answeredBy().get();
        String holderName = holder.ref().samAccountName();
        boolean viaHost = answer.how() == SpnAnswer.How.HOST_ALIAS;
        nodes.add(new TicketFlow.Node(TicketFlow.Role.HOLDER, holderName, (viaHost ? "holds " + answer.via().map(Spn::toString).orElse("HOST/")
                : "holds " + spn) + kvnoText(holderKvno)));
        steps.add(new TicketFlow.Step(TicketFlow.Role.KDC, TicketFlow.Role.HOLDER, viaHost
                ? "No account holds " + spn + " itself, so the KDC maps it to " + answer.via().map(Spn::toString).orElse("HOST/")
                + " and finds " + holderName + "."
                : "The KDC finds " + holderName + ", which holds " + spn + " exactly.", true));
        steps.add(new TicketFlow.Step(TicketFlow.Role.HOLDER, TicketFlow.Role.CLIENT, "The ticket is encrypted with "
                + holderName + "'s key" + kvnoText(holderKvno) + ".", true));
        nodes.add(new TicketFlow.Node(TicketFlow.Role.HOST, host, "decrypts with " + computerName + "'s key" + kvnoText(computerKvno)));
        steps.add(new TicketFlow.Step(TicketFlow.Role.CLIENT, TicketFlow.Role.HOST, "The client presents the ticket to " + host + ".", true));
        boolean same = computer.isPresent() && computer.get().ref().sameEntry(holder.ref());
        if (same) {
            steps.add(new TicketFlow.Step(TicketFlow.Role.HOST, TicketFlow.Role.HOST, host + " tries its own key (" + computerName
                    + kvnoText(computerKvno).replace(" (", ", ").replace(")", "") + "): accepted.", true));
            nodes.add(new TicketFlow.Node(TicketFlow.Role.USER, "What the user sees", "the session opens"));
            steps.add(new TicketFlow.Step(TicketFlow.Role.HOST, TicketFlow.Role.USER, "The user sees the session open.", true));
            return new TicketFlow(nodes, steps, TicketFlow.Verdict.ACCEPTED);
        }
        steps.add(new TicketFlow.Step(TicketFlow.Role.HOST, TicketFlow.Role.HOST, host + " tries its own key (" + computerName
                + kvnoText(computerKvno).replace(" (", ", ").replace(")", "") + "): it does not fit. KRB_AP_ERR_MODIFIED.", false));
        nodes.add(new TicketFlow.Node(TicketFlow.Role.USER, "What the user sees", MODIFIED_SEEN));
        steps.add(new TicketFlow.Step(TicketFlow.Role.HOST, TicketFlow.Role.USER, "The user sees " + MODIFIED_SEEN + ".", false));
        return new TicketFlow(nodes, steps, TicketFlow.Verdict.WRONG_KEY);
    }

    private static String kvnoText(OptionalInt kvno) {
        return kvno.isPresent() ? " (kvno " + kvno.getAsInt() + ")" : "";
    }

    private static OptionalInt kvno(Directory dir, Optional<Account> a) {
        if (a.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return dir.keyVersion(a.get().ref().dn());
        } catch (DirectoryException e) {
            return OptionalInt.empty();
        }
    }

    private static String realm(Spn spn, Optional<Account> computer) {
        Optional<String> dn = computer.map(c -> c.ref().dn());
        if (dn.isPresent()) {
            StringBuilder sb = new StringBuilder();
            for (String rdn : dn.get().split(",")) {
                if (rdn.strip().regionMatches(true, 0, "DC=", 0, 3)) {
                    sb.append(sb.length() == 0 ? "" : ".").append(rdn.strip().substring(3));
                }
            }
            return sb.toString().toUpperCase(java.util.Locale.ROOT);
        }
        int dot = spn.host().indexOf('.');
        return dot > 0 ? spn.host().substring(dot + 1).toUpperCase(java.util.Locale.ROOT) : "";
    }
}
