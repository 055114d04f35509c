package io.github.spndoctor.core.flow;

import io.github.spndoctor.core.demo.Scenario;
import io.github.spndoctor.core.demo.Scenarios;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.verify.TicketCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ticket-flow structure (nodes, labels, verdict) for every demo scenario a Windows client can use Kerberos for,
 * compared with the reviewed snapshot {@code ticket-flows.txt}. Regenerate with -Dsnapshots.update=DIR after a
 * deliberate change, and review the diff.
 */
class TicketFlowSnapshotTest {
    @TempDir
    Path state;

    @Test
    void everyScenarioDrawsItsFlow() throws Exception {
        StringBuilder all = new StringBuilder();
        try (TrainerDemo demo = TrainerDemo.open(state.resolve("demo"))) {
            for (Scenario s : Scenarios.all(demo.dns())) {
                TargetName t = TargetName.parse(s.target());
                all.append("## ").append(s.id()).append('\n');
                if (!t.isDnsName()) {
                    all.append("(no Kerberos: ").append(t.asTyped()).append(" is an address)\n");
                    continue;
                }
                LookupResult lookup = demo.directory().lookup(t);
                Spn spn = Spn.of("HTTP", t.asTyped());
                TicketFlow f = TicketFlows.of(demo.directory(), spn, t.asTyped(), lookup.computer());
                all.append(f.outline());
                // the picture tells what the demo's real KDC and host do
                TicketCheck real = demo.ticketProbe().requestTicket(spn);
                assertEquals(switch (f.verdict()) {
                    case ACCEPTED -> TicketCheck.Outcome.ACCEPTED_BY_HOST;
                    case WRONG_KEY -> TicketCheck.Outcome.WRONG_ACCOUNT;
                    default -> TicketCheck.Outcome.NOT_FOUND;
                }, real.outcome(), s.id() + ": " + real.answer());
            }
        }
        String update = System.getProperty("snapshots.update");
        if (update != null) {
            Files.writeString(Path.of(update, "ticket-flows.txt"), all.toString(), StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = TicketFlowSnapshotTest.class.getResourceAsStream("ticket-flows.txt")) {
            expected = in == null ? "(no snapshot)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, all.toString());
    }
}
