package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.demo.Breaks;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session's ticket flow asks what the session's client asks for (knowledge.md §7.3): the structure (nodes, labels,
 * verdict) per client and setting on the demo, compared with the reviewed snapshot {@code client-flows.txt}
 * (regenerate with -Dsnapshots.update=DIR after a deliberate change, and review the diff), plus the facts each case
 * is about, asserted on their own.
 */
class TicketFlowClientTest {
    @TempDir
    Path home;
    private final StringBuilder all = new StringBuilder();

    RepairSession session(TrainerDemo demo, String text, String host) throws Exception {
        RepairSession s = new RepairSession(demo.directory(), SessionConfig.under(home).withNames(Optional.empty())
                .withProbes(ProbeChoice.NONE));
        s.describe(text, TargetName.parse(host));
        s.lookup();
        return s;
    }

    TicketFlow drawn(String name, RepairSession s) throws Exception {
        TicketFlow f = s.ticketFlow();
        all.append("## ").append(name).append('\n').append(f.outline());
        return f;
    }

    static String asked(TicketFlow f) { return f.node(TicketFlow.Role.CLIENT).orElseThrow().detail(); }

    @Test
    void eachClientAsksForItsOwnSpn() throws Exception {
        try (TrainerDemo demo = TrainerDemo.unsaved(home.resolve("demo"), DemoDirectory.start())) {
            String srv003 = "srv003.rwwilden01.local";
            RepairSession s = session(demo, "", srv003);
            TicketFlow ps = drawn("powershell " + srv003, s);
            assertEquals("PowerShell", ps.node(TicketFlow.Role.CLIENT).orElseThrow().title());
            assertEquals("asks for HTTP/" + srv003, asked(ps));
            assertEquals(TicketFlow.Verdict.WRONG_KEY, ps.verdict());

            s.useClient(WinrmClient.POWERSHELL, ClientSettings.DEFAULT.withIncludePort(true));
            TicketFlow port = drawn("powershell -IncludePortInSPN " + srv003, s);
            assertEquals("asks for HTTP/" + srv003 + ":5985", asked(port));
            assertTrue(port.steps().get(0).label().contains("-IncludePortInSPN"), port.outline());

            s.useClient(WinrmClient.POWERSHELL, ClientSettings.DEFAULT.withSpnPrefix("WSMAN"));
            TicketFlow wsman = drawn("powershell spn_prefix=WSMAN " + srv003, s);
            assertEquals("asks for WSMAN/" + srv003, asked(wsman));
            assertEquals(TicketFlow.Verdict.ACCEPTED, wsman.verdict(), "the computer holds WSMAN/: " + wsman.outline());

            String alias = Breaks.DEFAULT_ALIAS;
            RepairSession a = session(demo, "", alias);
            TicketFlow windows = drawn("powershell " + alias, a);
            assertEquals("asks for HTTP/" + alias, asked(windows), "Windows asks for the name as typed");
            a.useClient(WinrmClient.PYWINRM, ClientSettings.DEFAULT);
            TicketFlow py = drawn("pywinrm " + alias, a);
            assertEquals("pywinrm", py.node(TicketFlow.Role.CLIENT).orElseThrow().title());
            assertEquals("asks for HTTP/" + Breaks.DEFAULT_HOST, asked(py), "pywinrm follows the CNAME");
            assertTrue(py.steps().get(0).label().contains("CNAME " + alias), py.outline());
            assertEquals(TicketFlow.Verdict.ACCEPTED, py.verdict(), py.outline());

            // the CNAME break moves the alias to the hijacked host: pywinrm now gets the service account's ticket
            RepairSession b = session(demo, "", alias);
            b.planBreak(Breaks.CNAME, Optional.empty(), Optional.of(srv003));
            b.confirm();
            assertTrue(b.commit(ApplyListener.NONE, Optional.empty()).wrote());
            b.useClient(WinrmClient.PYWINRM, ClientSettings.DEFAULT);
            TicketFlow moved = drawn("pywinrm " + alias + " after the CNAME break", b);
            assertEquals("asks for HTTP/" + srv003, asked(moved));
            assertEquals(TicketFlow.Verdict.WRONG_KEY, moved.verdict(), moved.outline());
            demo.reset();

            RepairSession text = session(demo, "pywinrm.exceptions.InvalidCredentialsError: kerberos: "
                    + "Server not found in Kerberos database", alias);
            assertEquals(WinrmClient.PYWINRM, text.clientChoice().client(), "recognised in the text");
            assertEquals("asks for HTTP/" + Breaks.DEFAULT_HOST, asked(drawn("recognised pywinrm " + alias, text)));

            // the port-SPN fix tells clients that can to use the port; Server Manager cannot, so it still asks as before
            RepairSession fix = session(demo, "", srv003);
            fix.useClient(WinrmClient.SERVER_MANAGER, ClientSettings.DEFAULT);
            fix.plan(Remedies.PORT_SPN);
            fix.confirm();
            assertTrue(fix.commit(ApplyListener.NONE, Optional.empty()).wrote());
            TicketFlow sm = drawn("server-manager after the port-SPN fix " + srv003, fix);
            assertEquals("asks for HTTP/" + srv003, asked(sm));
            assertEquals(TicketFlow.Verdict.WRONG_KEY, sm.verdict(), "the port fix does not reach Server Manager");
            fix.useClient(WinrmClient.POWERSHELL, ClientSettings.DEFAULT);
            TicketFlow psFixed = drawn("powershell after the port-SPN fix " + srv003, fix);
            assertEquals("asks for HTTP/" + srv003 + ":5985", asked(psFixed));
            assertEquals(TicketFlow.Verdict.ACCEPTED, psFixed.verdict(), psFixed.outline());
            fix.startOver();
            fix.describe("", TargetName.parse(srv003));
            assertEquals(WinrmClient.POWERSHELL, fix.clientChoice().client());
            assertTrue(!fix.clientChoice().chosen(), "starting over forgets the chosen client");
        }
        String update = System.getProperty("snapshots.update");
        if (update != null) {
            Files.writeString(Path.of(update, "client-flows.txt"), all.toString(), StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = TicketFlowClientTest.class.getResourceAsStream("client-flows.txt")) {
            expected = in == null ? "(no snapshot)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, all.toString());
    }
}
