package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.evidence.EvidenceKind;
import io.github.spndoctor.core.evidence.EvidenceReader;
import io.github.spndoctor.core.evidence.EvidenceSet;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.WinrmOutcome;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repair session records every probe run (before the fix, after it, after the undo) and the evidence read from
 * files, and the report shows both: issue 11's probe section and issue 12's evidence section, on the trainer demo
 * (real tickets from its embedded KDC, its in-process WinRM acceptors).
 */
class SessionProbeReportTest {
    static final String HOST = "srv003.rwwilden01.local";
    @TempDir
    static Path state;
    static TrainerDemo demo;

    @BeforeAll
    static void start() { demo = TrainerDemo.open(state.resolve("demo")); }

    @AfterAll
    static void stop() { demo.close(); }

    static String event4(String spn) {
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
                + "Name='Microsoft-Windows-Security-Kerberos' EventSourceName='Kerberos'/><EventID Qualifiers='49152'>4"
                + "</EventID><Level>2</Level><TimeCreated SystemTime='2026-12-01T09:14:03.0000000Z'/><EventRecordID>4711"
                + "</EventRecordID><Channel>System</Channel><Computer>ws07.example.test</Computer></System><EventData>"
                + "<Data Name='Server'>srv003$</Data><Data Name='TargetName'>" + spn + "</Data></EventData></Event>\n";
    }

    RepairSession session() {
        return new RepairSession(demo.directory(), new SessionConfig(state.resolve("journals"), new AuditLog(state.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, io.github.spndoctor.core.remedy.RemedySettings.DEFAULT));
    }

    ProbeResult probe(RepairSession s) {
        LiveProbe p = new LiveProbe(demo.directory(), TrainerDemo.probeEnvironment(demo.directory(), HOST, () -> {
            throw new AssertionError("the demo's own environment is used");
        }));
        return s.probe(p, Endpoint.parse(HOST), WinrmClient.SERVER_MANAGER, ClientSettings.DEFAULT, step -> { });
    }

    @Test
    void everyProbeRunIsInTheTimelineAndTheReportsProbeTable_beforeAfterTheFixAndAfterTheUndo() throws Exception {
        demo.reset();
        RepairSession s = session();
        s.describe("", TargetName.parse(HOST));
        s.lookup();
        assertTrue(s.probeAfterCommit(), "the demo's probe never leaves the process: the Result page re-tests by itself");
        ProbeResult before = probe(s);
        assertEquals(WinrmOutcome.REJECTED, before.winrm(), before.summary());

        s.plan(Remedies.REMOVE_SPN);
        s.confirm();
        assertTrue(s.commit(null, Optional.empty()).wrote());
        ProbeResult fixed = probe(s);
        assertEquals(WinrmOutcome.ACCEPTED, fixed.winrm(), fixed.summary());
        assertEquals("WinRM on " + HOST + " now accepts Kerberos for HTTP/" + HOST + ".", fixed.summary(true));

        s.planUndo();
        s.confirm();
        assertTrue(s.commit(null, Optional.empty()).wrote());
        ProbeResult undone = probe(s);
        assertEquals(WinrmOutcome.REJECTED, undone.winrm(), undone.summary());

        List<TimelineEntry> probes = s.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.PROBE).toList();
        assertEquals(3, probes.size(), s.timeline().toString());
        assertTrue(probes.get(0).detail().contains("Kerberos: asking the KDC for a ticket to HTTP/" + HOST), probes.get(0).detail());
        assertTrue(probes.get(1).title().contains("now accepts Kerberos"), probes.get(1).title());

        SessionReport report = s.report();
        String md = report.toMarkdown();
        int table = md.indexOf("## Live probe");
        assertTrue(table > 0, md);
        String section = md.substring(table, md.indexOf("\n## ", table + 5) < 0 ? md.length() : md.indexOf("\n## ", table + 5));
        List<String> rows = section.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertEquals(3, rows.size(), section);
        assertTrue(rows.get(0).contains("before any change") && rows.get(0).contains("svc-srv003-web$")
                && rows.get(0).contains("| rejected"), rows.get(0));
        assertTrue(rows.get(1).contains("after the fix") && rows.get(1).contains("SRV003$") && rows.get(1).contains("| accepted"), rows.get(1));
        assertTrue(rows.get(2).contains("after the undo") && rows.get(2).contains("| rejected"), rows.get(2));
        assertTrue(rows.get(0).contains("HTTP/" + HOST), rows.get(0));
        assertTrue(report.toHtml().contains("<h2>Live probe</h2>"));
        // a token is base64 of several hundred characters: none reaches the report
        assertFalse(Pattern.compile("[A-Za-z0-9+/]{120,}").matcher(md + report.toHtml()).find(), "no token in the report");
    }

    @Test
    void evidenceFromFilesGoesIntoTheSessionAndTheReport_andADescribeReplacesIt() throws Exception {
        demo.reset();
        EvidenceSet ev = EvidenceReader.readText(event4("HTTP/" + HOST), "events.xml");
        assertEquals(1, ev.items().size(), ev.toString());
        RepairSession s = session();
        s.describe(ev.symptomText(""), ev.lookupTarget(Optional.empty()).orElseThrow(), ev.items());
        s.lookup();
        assertEquals(ev.items(), s.evidence());
        assertTrue(s.timeline().stream().anyMatch(e -> e.kind() == TimelineEntry.Kind.EVIDENCE
                && e.title().startsWith("Windows event (XML): events.xml, event 4")), s.timeline().toString());
        String md = s.report().toMarkdown();
        int at = md.indexOf("## Evidence\n");
        assertTrue(at > 0, md);
        assertTrue(md.indexOf("Requested SPN: HTTP/" + HOST, at) > at, md);
        assertEquals("http-spn-on-service-account", s.assess().diagnosis().causes().get(0).id().id());

        probe(s);
        s.describe("", TargetName.parse(HOST), List.of());
        assertTrue(s.evidence().stream().allMatch(e -> e.kind() == EvidenceKind.LIVE_PROBE),
                "the files' evidence is replaced by the new describe; the probe run stays: " + s.evidence());
        assertEquals(1, s.evidence().size());
        assertFalse(s.report().toMarkdown().contains("## Evidence\n"));
    }
}
