package io.github.spndoctor.app.page;

import io.github.spndoctor.app.page.symptom.EvidencePaneModel;
import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.page.symptom.SymptomReader;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.app.task.QueueTaskRunner;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence on the Symptom page: read off the UI thread, shown with file and event, and used by Next. */
class EvidencePaneModelTest {
    static final String EVENT4 = io.github.spndoctor.app.cli.EvidenceCliTest.event4("HTTP/srv003.rwwilden01.local", "srv003$");

    @Test
    void filesAreReadInTheBackgroundAndShownWithFileAndEvent(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.xml");
        Files.write(f, EVENT4.getBytes(StandardCharsets.UTF_8));
        Path bad = dir.resolve("System.evtx");
        Files.write(bad, "ElfFile\0xxxxxxxxxxxxxxxxxxxxxx".getBytes(StandardCharsets.US_ASCII));
        QueueTaskRunner runner = new QueueTaskRunner();
        EvidencePaneModel m = new EvidencePaneModel(runner);
        m.addFiles(List.of(f, bad));
        assertTrue(m.isReading());
        assertEquals("Reading events.xml, System.evtx…", m.readingProperty().get());
        assertTrue(m.evidenceProperty().get().items().isEmpty(), "nothing is read on the calling thread");
        runner.runAll();
        assertFalse(m.isReading());
        List<String> lines = EvidencePaneModel.lines(m.evidenceProperty().get(), Optional.of(TargetName.parse("srv003")));
        assertTrue(lines.get(0).startsWith("From your evidence: the client asked for HTTP/srv003.rwwilden01.local (events.xml, event 4"), lines.toString());
        assertTrue(lines.get(1).startsWith("Note: You typed srv003, but the client asked for"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Not read: System.evtx is a binary event log")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.equals("1 event was read but says nothing about Kerberos or WinRM (not used).")), lines.toString());
    }

    @Test
    void nextLooksUpTheRequestedSpnAndDiagnosesFromTheEvidence() {
        WizardSession session = new WizardSession();
        SymptomPageModel m = new SymptomPageModel(session, new ImmediateTaskRunner(), new SymptomReader(), List.of());
        m.targetProperty().set("srv003");
        m.evidence().addText(EVENT4);
        boolean[] proceeded = {false};
        m.next(() -> proceeded[0] = true);
        assertTrue(proceeded[0]);
        assertEquals("srv003.rwwilden01.local", session.targetProperty().get().asTyped());
        assertTrue(session.symptomTextProperty().get().contains("the target name used was HTTP/srv003.rwwilden01.local"),
                session.symptomTextProperty().get());
    }

    @Test
    void evidenceAloneNeedsNoTypedTargetAndNextWaitsForReading() {
        QueueTaskRunner runner = new QueueTaskRunner();
        WizardSession session = new WizardSession();
        SymptomPageModel m = new SymptomPageModel(session, runner, new SymptomReader(), List.of());
        m.evidence().addText(EVENT4);
        boolean[] proceeded = {false};
        m.next(() -> proceeded[0] = true);
        assertFalse(proceeded[0], "still reading");
        assertFalse(m.targetErrorProperty().get().isEmpty());
        runner.runAll();
        m.next(() -> proceeded[0] = true);
        assertTrue(m.isBusy(), "the text and evidence are read off the UI thread");
        assertFalse(proceeded[0]);
        runner.runAll();
        assertTrue(proceeded[0]);
        assertFalse(m.isBusy());
        assertEquals("srv003.rwwilden01.local", session.targetProperty().get().asTyped());
    }
}
