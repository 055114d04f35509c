package io.github.spndoctor.app.page;

import io.github.spndoctor.app.page.symptom.SymptomReader;
import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.app.task.QueueTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymptomPageModelTest {
    private static final String EVENT = "The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server srv003. "
            + "The target name used was HTTP/srv003.rwwilden01.local. This indicates that the target server failed to decrypt the ticket";

    private final WizardSession session = new WizardSession();

    @Test
    void pastedText_isRecognised_andFillsAnEmptyTarget() {
        SymptomPageModel m = new SymptomPageModel(session, new ImmediateTaskRunner(), new SymptomReader(), List.of());
        m.textProperty().set("Invoke-Command failed with errorcode 0x80090322 ... " + EVENT);
        assertTrue(m.recognisedProperty().get().codes().contains("0x80090322"));
        assertTrue(m.recognisedProperty().get().codes().contains("KRB_AP_ERR_MODIFIED"));
        assertEquals("Invoke-Command", m.recognisedProperty().get().client().orElseThrow());
        assertEquals("srv003.rwwilden01.local", m.targetProperty().get());
        assertTrue(SymptomPageModel.summary(m.recognisedProperty().get()).contains("Error code: 0x80090322"));
    }

    @Test
    void aTargetTheUserTyped_isNeverOverwritten() {
        SymptomPageModel m = new SymptomPageModel(session, new ImmediateTaskRunner(), new SymptomReader(), List.of());
        m.targetProperty().set("web05");
        m.textProperty().set(EVENT);
        assertEquals("web05", m.targetProperty().get());
    }

    @Test
    void reading_isDebounced_onlyTheLatestTextCounts() {
        QueueTaskRunner runner = new QueueTaskRunner();
        SymptomPageModel m = new SymptomPageModel(session, runner, new SymptomReader(), List.of());
        m.textProperty().set("0x80090322");
        m.textProperty().set("0x80090322 and 0x80338012");
        assertTrue(m.isReading());
        runner.runAll();
        assertFalse(m.isReading());
        assertEquals(List.of("0x80090322", "0x80338012"), m.recognisedProperty().get().codes());
    }

    @Test
    void next_readsTheTextInTheBackground_saysWhatItWaitsFor_andStopLeavesEverythingAsItWas() {
        QueueTaskRunner runner = new QueueTaskRunner();
        SymptomPageModel m = new SymptomPageModel(session, runner, new SymptomReader(), List.of());
        String pasted = "errorcode 0x80090322 occurred; net use Z: \\\\srv003\\share /user:CONTOSO\\bob Secret#Pass1";
        m.textProperty().set(pasted);
        runner.runAll();   // the recognition while typing
        m.targetProperty().set("srv003");
        boolean[] moved = {false};
        m.next(() -> moved[0] = true);
        assertTrue(m.isBusy(), "the text is read off the UI thread, with a wait the user sees");
        assertFalse(moved[0]);
        assertNull(session.targetProperty().get(), "nothing is described before the text is read");
        assertEquals(String.format(java.util.Locale.ROOT, "Reading the error text (%d characters) for the lookup…", pasted.length()),
                m.waitingFor().get());

        assertTrue(m.stopWork(), "Esc stops the reading");
        assertFalse(m.isBusy());
        runner.runAll();
        assertFalse(moved[0], "a stopped reading never moves on");
        assertNull(session.targetProperty().get());
        assertTrue(m.noticeProperty().get().startsWith("You stopped"), m.noticeProperty().get());
        assertFalse(m.stopWork(), "nothing left to stop");

        m.next(() -> moved[0] = true);
        runner.runAll();
        assertTrue(moved[0]);
        assertFalse(m.isBusy());
        assertEquals("srv003", session.targetProperty().get().shortName());
        assertTrue(session.symptomTextProperty().get().contains("0x80090322"));
        assertFalse(session.symptomTextProperty().get().contains("Secret#Pass1"), "only the redacted text goes on");
    }

    @Test
    void next_withABadTarget_showsTheErrorUnderTheField_andStays() {
        SymptomPageModel m = new SymptomPageModel(session, new ImmediateTaskRunner(), new SymptomReader(), List.of());
        boolean[] moved = {false};
        m.targetProperty().set("*)(servicePrincipalName=*");
        m.next(() -> moved[0] = true);
        assertFalse(moved[0]);
        assertFalse(m.targetErrorProperty().get().isEmpty());
        assertNull(session.targetProperty().get());
        m.targetProperty().set("srv003.rwwilden01.local");
        assertTrue(m.targetErrorProperty().get().isEmpty(), "editing clears the error");
        m.next(() -> moved[0] = true);
        assertTrue(moved[0]);
        assertEquals("srv003", session.targetProperty().get().shortName());
    }

    @Test
    void aTenMegabytePasteCutByTheArea_isStillReadWhole_untilEdited() {
        StringBuilder sb = new StringBuilder(10_000_100);
        while (sb.length() < 10_000_000) {
            sb.append("Log line without anything of interest in it. ");
        }
        sb.append("Invoke-Command failed: errorcode 0x80090322 occurred while using Kerberos authentication");
        String big = sb.toString();
        SymptomPageModel m = new SymptomPageModel(session, new ImmediateTaskRunner(), new SymptomReader(), List.of());
        m.pasteWasCut(big, SymptomPageModel.MAX_TEXT);                       // what the paste area reports ...
        m.textProperty().set(big.substring(0, SymptomPageModel.MAX_TEXT));   // ... before it shows what it kept
        assertEquals(big.length(), m.effectiveText().length());
        assertTrue(m.recognisedProperty().get().codes().contains("0x80090322"), "the end of the paste was read");
        assertTrue(m.noticeProperty().get().contains(String.format(java.util.Locale.ROOT, "%,d", big.length())), m.noticeProperty().get());
        m.targetProperty().set("srv003");
        m.next(() -> { });
        assertEquals(big.length(), session.symptomTextProperty().get().length(), "the diagnosis gets all of it");

        m.textProperty().set(m.textProperty().get() + " edited");
        assertEquals(SymptomPageModel.MAX_TEXT + 7, m.effectiveText().length());
        assertTrue(m.noticeProperty().get().contains("edited"), m.noticeProperty().get());
    }
}
