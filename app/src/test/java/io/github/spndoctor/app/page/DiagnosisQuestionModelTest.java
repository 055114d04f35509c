package io.github.spndoctor.app.page;

import io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel;
import io.github.spndoctor.app.page.diagnosis.DiagnosisService;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.app.task.QueueTaskRunner;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Question;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Diagnosis page's deciding question: same question and ranking as core (and the CLI), answers re-rank off the UI thread. */
class DiagnosisQuestionModelTest {
    static final String BARE = "Enter-PSSession web01 : The following error with errorcode 0x80090322 occurred while using "
            + "Kerberos authentication: An unknown security error occurred.";

    static WizardSession session(String text) {
        WizardSession s = new WizardSession(io.github.spndoctor.core.session.SessionConfig.defaults()
                .withNames(Optional.empty()).withProbes(io.github.spndoctor.core.session.ProbeChoice.NONE));
        s.directoryProperty().set(io.github.spndoctor.core.directory.demo.DemoDirectory.start());
        describe(s, text);
        return s;
    }

    /** What the Symptom page does: the text and target into the wizard's session and the repair session (no lookup). */
    static void describe(WizardSession s, String text) {
        s.targetProperty().set(TargetName.parse("web01"));
        s.symptomTextProperty().set(text);
        s.repair().describe(text, TargetName.parse("web01"));
    }

    @Test
    void closeCauses_showCoresQuestion_andAnAnswerReRanksLikeCore() {
        WizardSession s = session(BARE);
        DiagnosisPageModel m = new DiagnosisPageModel(s, new ImmediateTaskRunner(), new DiagnosisService());
        m.onEnter();
        Diagnosis core = Diagnoser.diagnose(SymptomParser.parse(BARE), Optional.empty(), Optional.empty(), List.of());
        Question q = m.questions().questionProperty().get().orElseThrow();
        assertEquals(core.question().orElseThrow().id(), q.id(), "the wizard asks what core (and the CLI) asks");
        assertTrue(m.questions().textProperty().get().contains("web01") || !q.text().contains("{name}"),
                m.questions().textProperty().get());
        assertFalse(m.questions().textProperty().get().contains("{name}"));

        // answer with the choice that most supports the runner-up: it must come first, as in core
        Question.Choice pick = q.choices().stream().max((a, b) -> Double.compare(
                a.effect(core.causes().get(1).id()), b.effect(core.causes().get(1).id()))).orElseThrow();
        m.questions().answer(pick);
        Diagnosis after = Diagnoser.diagnose(SymptomParser.parse(BARE), Optional.empty(), Optional.empty(),
                List.of(new Answer(q, pick)));
        assertEquals(after.top().id().id(), m.causes().get(0).id());
        assertEquals(List.of("You said: " + pick.said()), m.questions().said());
        assertTrue(m.causes().stream().flatMap(c -> c.evidence().stream()).anyMatch(e -> e.contains("you said: " + pick.said())),
                "the answer is shown as evidence");
        m.questions().questionProperty().get().ifPresent(next -> assertFalse(next.id().equals(q.id())));
    }

    @Test
    void answering_reRanksOffTheUiThread_andTakingAnswersBackRestores() {
        WizardSession s = session(BARE);
        QueueTaskRunner runner = new QueueTaskRunner();
        DiagnosisPageModel m = new DiagnosisPageModel(s, runner, new DiagnosisService());
        m.onEnter();
        assertTrue(m.isBusy(), "the first ranking runs as a task");
        runner.runAll();
        String before = m.causes().get(0).id();
        Question q = m.questions().questionProperty().get().orElseThrow();
        m.questions().answer(q.choices().get(0));
        assertTrue(m.isBusy(), "re-ranking runs as a task, not on the UI thread");
        runner.runAll();
        assertFalse(m.isBusy());
        assertEquals(1, m.questions().answers().size());
        m.questions().clear();
        runner.runAll();
        assertTrue(m.questions().answers().isEmpty());
        assertEquals(before, m.causes().get(0).id());
    }

    @Test
    void aNewSymptom_forgetsTheAnswers() {
        WizardSession s = session(BARE);
        DiagnosisPageModel m = new DiagnosisPageModel(s, new ImmediateTaskRunner(), new DiagnosisService());
        m.onEnter();
        Question q = m.questions().questionProperty().get().orElseThrow();
        m.questions().answer(q.choices().get(0));
        m.onEnter();
        assertEquals(1, m.questions().answers().size(), "same symptom and target: the answers stay");
        describe(s, "Access is denied");
        m.onEnter();
        assertTrue(m.questions().answers().isEmpty());
    }
}
