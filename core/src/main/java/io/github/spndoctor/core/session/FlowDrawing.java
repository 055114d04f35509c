package io.github.spndoctor.core.session;

import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.flow.TicketFlows;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.session.RepairSession.Purpose;
import io.github.spndoctor.core.spn.SpnRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The ticket-flow picture of the host being repaired (ADR 0710): which SPN the session's client asks for now, the
 * flow drawn from the directory as it answers now, and the last flow drawn, which the report shows. Its fields are
 * guarded by the session's lock; a new host or lookup forgets the flow, starting over forgets the chosen client.
 */
final class FlowDrawing {
    private final SessionState state;
    private TicketFlow last;

    FlowDrawing(SessionState state) {
        this.state = state;
    }

    /** The flow for {@code requested} (blocks: reads the directory when the host was not looked up). */
    TicketFlow draw(Spn requested) throws DirectoryException { return draw(requested, f -> f, Optional.empty()); }

    /**
     * @param reached the host DNS leads to when the typed name is an alias (it gets the ticket, whatever the client
     *                asked for); empty when the typed name is the host's own
     */
    private TicketFlow draw(Spn requested, UnaryOperator<TicketFlow> told, Optional<String> reached) throws DirectoryException {
        TargetName t;
        LookupResult l;
        synchronized (state) {
            t = state.requireTarget();
            l = state.findings.lookup() != null ? state.findings.lookup() : state.findings.reportedLookup();
        }
        Optional<Account> computer = reached.isPresent() ? state.directory.lookup(TargetName.parse(reached.get())).computer()
                : l != null ? l.computer() : state.directory.lookup(t).computer();
        String host = t.asTyped() + reached.map(r -> " (" + r + ")").orElse("");
        TicketFlow f = told.apply(TicketFlows.of(state.directory, requested, host, computer));
        synchronized (state) {
            if (t.equals(state.target)) {
                last = f;
            }
        }
        return f;
    }

    /**
     * The flow for what the session's client asks for now (blocks: may ask DNS for an MIT client, reads the directory):
     * the chosen or recognised client ({@link #choice()}) after the fix applied, if any ({@link ClientChoice#request}).
     * When the client does not use Kerberos for the name (an address), the flow for {@code HTTP/<name>} is drawn.
     */
    TicketFlow drawForClient() throws DirectoryException {
        ClientChoice c;
        TargetName t;
        String remedy;
        synchronized (state) {
            c = choice();
            t = state.requireTarget();
            Plan fix = state.changes.checkPurpose() == Purpose.FIX ? state.changes.applied() : null;
            remedy = fix == null ? "" : fix.remedyId();
        }
        NameResolver dns = resolver();
        SpnRequest r = c.request(t, remedy, dns);
        Spn typed = Spn.of("HTTP", t.asTyped());
        Spn spn = r.spn().orElse(typed);
        List<String> how = spn.key().equals(typed.key()) ? List.of() : r.derivation().stream()
                .filter(line -> !line.startsWith("typed ") && !line.startsWith("Windows does not rewrite")).toList();
        String name = c.client().label().replaceFirst(" \\(.*\\)$", "");
        return draw(spn, f -> f.forClient(name, how), t.isDnsName() ? reached(t.asTyped(), dns) : Optional.empty());
    }

    /** Where the typed name's CNAMEs lead (at most 10), when it is an alias; the connection goes there for every client. */
    private static Optional<String> reached(String typed, NameResolver dns) {
        String host = typed;
        for (int i = 0; i < 10; i++) {
            Optional<String> next = dns.cname(host).map(n -> n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
            if (next.isEmpty() || next.get().equalsIgnoreCase(host)) {
                break;
            }
            host = next.get();
        }
        return host.equalsIgnoreCase(typed) ? Optional.empty() : Optional.of(host.toLowerCase(java.util.Locale.ROOT));
    }

    /** The client the picture is drawn for: the one chosen, else the one the text names, else PowerShell (under the lock). */
    ClientChoice choice() { return state.client(); }

    /** Under the lock: the person's choice of client (kept for another lookup; {@link #forgetClient()} drops it). */
    void choose(ClientChoice c) { state.chosenClient = c; }

    /** Under the lock: start over. */
    void forgetClient() { state.chosenClient = null; }

    /** The names the client resolves: the demo's DNS on the trainer's demo, else the session's resolver or the system's. */
    private NameResolver resolver() {
        return TrainerDemo.names(state.directory, state.config.names().orElseGet(JdkNameResolver::new));
    }

    /** The last flow drawn for this host, or null (under the lock). */
    TicketFlow last() { return last; }

    /** Under the lock. */
    void forget() { last = null; }
}
