package io.github.spndoctor.app.page;

import io.github.spndoctor.app.fixture.SecretForms;
import io.github.spndoctor.app.page.result.ResultPageModel;
import io.github.spndoctor.app.page.review.ReviewPageModel;
import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.app.plan.ChangeStatus;
import io.github.spndoctor.app.session.ReadOnlyView;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.RemoveSpnPlanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewAndResultPageModelTest {
    private static final String MSA = "CN=svc-srv003-web,CN=Managed Service Accounts,DC=rwwilden01,DC=local";
    private static final Spn HTTP = Spn.parse("HTTP/srv003.rwwilden01.local");

    @TempDir
    Path home;
    private DemoDirectory demo;
    private WizardSession session;
    private PlanService plans;
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    @BeforeEach
    void setUp() throws Exception {
        demo = DemoDirectory.start();
        session = new WizardSession();
        session.directoryProperty().set(demo);
        session.targetProperty().set(TargetName.parse("srv003.rwwilden01.local"));
        LookupResult lookup = demo.lookup(session.targetProperty().get());
        session.lookupSucceeded(lookup);
        session.planProperty().set(RemoveSpnPlanner.plan(lookup));
        plans = new PlanService(home);
    }

    @AfterEach
    void tearDown() { demo.close(); }

    private boolean msaHolds() throws Exception {
        return demo.readAccount(MSA).orElseThrow().holds(HTTP);
    }

    @Test
    void review_namesTheCommitForTheAction_andWritesNothing() throws Exception {
        ReviewPageModel m = new ReviewPageModel(session, runner, plans);
        m.onEnter();
        assertEquals("_Apply 1 change", m.primaryLabel().get());
        assertTrue(m.commits());
        assertTrue(m.changes().get(0).startsWith("1. Remove HTTP/srv003.rwwilden01.local from svc-srv003-web$ (msa)"));
        assertTrue(m.recheckProperty().get().startsWith("Nothing changed since the lookup"), m.recheckProperty().get());
        assertTrue(m.previews().values().stream().anyMatch(t -> t.contains("setspn -D HTTP/srv003.rwwilden01.local svc-srv003-web$")));
        assertTrue(msaHolds());
        boolean[] moved = {false};
        m.next(() -> moved[0] = true);
        assertTrue(moved[0]);
        assertEquals(session.planProperty().get(), session.pendingApplyProperty().get());
        assertTrue(msaHolds(), "Review only hands the plan on; Result applies it");
    }

    @Test
    void review_refusesAPlanThatNoLongerMatchesTheDirectory() throws Exception {
        ReviewPageModel m = new ReviewPageModel(session, runner, plans);
        demo.apply(new SpnChange.Remove(session.planProperty().get().changes().get(0).account(), HTTP));  // another admin
        m.onEnter();
        assertTrue(m.recheckProperty().get().contains("Nothing is left to do"), m.recheckProperty().get());
        assertTrue(m.changes().isEmpty(), "the rebuilt plan is what is shown");
        boolean[] moved = {false};
        m.next(() -> moved[0] = true);
        assertFalse(moved[0]);
        assertTrue(m.errorProperty().get().contains("Nothing was changed"), m.errorProperty().get());
        assertNull(session.pendingApplyProperty().get());
    }

    @Test
    void readOnly_offersAScriptForAnAdministrator_andNeverWrites() throws Exception {
        session.directoryProperty().set(new ReadOnlyView(demo));
        ReviewPageModel m = new ReviewPageModel(session, runner, plans);
        m.onEnter();
        assertEquals("_Create a script for an administrator", m.primaryLabel().get());
        assertFalse(m.commits());
        m.next(() -> { });
        Path script = session.scriptFileProperty().get();
        assertTrue(Files.readString(script).contains("HTTP/srv003.rwwilden01.local"), Files.readString(script));
        String setspn = Files.readString(script.resolveSibling(script.getFileName().toString().replace(".ps1", ".cmd")));
        assertTrue(setspn.contains("setspn -D HTTP/srv003.rwwilden01.local"), setspn);
        assertNull(session.pendingApplyProperty().get());
        assertTrue(msaHolds());
    }

    @Test
    void result_appliesShowsProgress_checksAgain_andUndoesExactly() throws Exception {
        List<Step> navigated = new ArrayList<>();
        int[] commits = {0};
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> commits[0]++, navigated::add);
        session.pendingApplyProperty().set(session.planProperty().get());
        result.onEnter();
        assertEquals(ChangeStatus.APPLIED, result.rows().get(0).statusProperty().get());
        assertTrue(result.outcomeProperty().get().startsWith("All 1 change"), result.outcomeProperty().get());
        Path journal = Files.list(home.resolve("demo").resolve("journals")).findFirst().orElseThrow();
        assertTrue(Files.readString(journal).contains("HTTP/srv003.rwwilden01.local"), "journal written");
        assertFalse(Files.exists(home.resolve("journals")) || Files.exists(home.resolve("audit.log")),
                "demo changes stay out of the real journal folder and audit log");
        assertTrue(Files.readString(home.resolve("demo").resolve("audit.log")).contains("HTTP/srv003.rwwilden01.local"));
        assertFalse(Files.readString(journal).toLowerCase().contains("password"));
        assertTrue(commits[0] > 0);
        assertFalse(msaHolds());
        assertFalse(result.allowsBack());

        result.checkAgain();
        assertEquals("srv003.rwwilden01.local: no SPN conflict", result.checkProperty().get());

        result.undo();
        assertEquals(List.of(Step.REVIEW), navigated);
        assertEquals(WizardSession.Purpose.UNDO, session.purposeProperty().get());
        ReviewPageModel review = new ReviewPageModel(session, runner, plans);
        review.onEnter();
        assertEquals("_Undo 1 change", review.primaryLabel().get());
        review.next(() -> { });
        result.onEnter();
        assertTrue(msaHolds(), "undo restores the exact value");
        result.checkAgain();
        assertTrue(result.checkProperty().get().contains("still a conflict (http-spn-on-service-account)"));
    }

    /** Issue 9: the wizard's Save report carries the symptom redacted where it entered, and the session's timeline. */
    @Test
    void savedReport_holdsNoSecretFromThePastedText_andTheTimeline() throws Exception {
        io.github.spndoctor.app.page.symptom.SymptomPageModel symptom = new io.github.spndoctor.app.page.symptom.SymptomPageModel(
                session, runner, new io.github.spndoctor.app.page.symptom.SymptomReader(), List.of());
        symptom.textProperty().set(SecretForms.TEXT);
        symptom.targetProperty().set("srv003.rwwilden01.local");
        symptom.next(() -> { });
        for (String f : SecretForms.fragments()) {
            assertFalse(session.symptomTextProperty().get().contains(f), "the session keeps only the redacted text");
        }
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> { }, s -> { });
        session.pendingApplyProperty().set(session.planProperty().get());
        result.onEnter();
        for (String name : List.of("r.md", "r.html")) {
            Path file = home.resolve(name);
            result.saveReport(file);
            String page = Files.readString(file);
            for (String f : SecretForms.fragments()) {
                assertFalse(page.contains(f), f + " in " + name + ":\n" + page);
            }
            assertTrue(page.contains("0x80090322") && page.contains("HTTP/srv003.rwwilden01.local:5985"), page);
            assertTrue(page.contains("Timeline") && page.contains("Error text given") && page.contains("Applied: "), page);
        }
    }

    @Test
    void result_aRefusedChange_saysWhatWasAndWasNotApplied() throws Exception {
        demo.apply(new SpnChange.Remove(session.planProperty().get().changes().get(0).account(), HTTP));
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> { }, s -> { });
        session.pendingApplyProperty().set(session.planProperty().get());
        result.onEnter();
        assertEquals(ChangeStatus.FAILED, result.rows().get(0).statusProperty().get());
        assertTrue(result.outcomeProperty().get().contains("Stopped at change 1 of 1"), result.outcomeProperty().get());
        assertFalse(result.canUndoProperty().get());
    }

    /** Issue 9: the wizard refuses a journal from another directory as the CLI does (it did not check at all). */
    @Test
    void aJournalFromALiveDirectory_isRefusedOnTheDemo_beforeReview() throws Exception {
        LookupResult l = session.lookup().orElseThrow();
        Path journal = home.resolve("live.ldif");
        io.github.spndoctor.core.apply.Journal.createAt(journal,
                new io.github.spndoctor.core.directory.DirectoryInfo(false, "dc1.rwwilden01.local:636", "alice@rwwilden01.local", false),
                l.target(), session.planProperty().get());
        // the journal claims its change was applied
        Files.writeString(journal, Files.readString(journal) + "#@attempt {\"n\":1}\n#@outcome {\"n\":1,\"status\":\"applied\",\"detail\":\"\"}\n");
        WizardSession later = new WizardSession();
        io.github.spndoctor.app.page.connect.ConnectPageModel connect = new io.github.spndoctor.app.page.connect.ConnectPageModel(
                later, new io.github.spndoctor.app.session.Connections(() -> demo), runner,
                new io.github.spndoctor.app.page.connect.LiveConnectForm(
                        () -> new io.github.spndoctor.core.directory.connect.ProfileStore(home.resolve("p.json"))));
        List<io.github.spndoctor.core.remedy.Plan> handed = new ArrayList<>();
        connect.undoFromJournal(journal, handed::add);
        assertEquals(List.of(), handed, "no undo plan reaches Review");
        assertFalse(connect.errorProperty().get().isBlank(), "the page says why");
    }

    @Test
    void aJournalPickedLater_isUndoneThroughReviewWithTheSameRules() throws Exception {
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> { }, st -> { });
        session.pendingApplyProperty().set(session.planProperty().get());
        result.onEnter();
        assertFalse(msaHolds());
        Path journal = Files.list(home.resolve("demo").resolve("journals")).findFirst().orElseThrow();

        WizardSession later = new WizardSession();     // a new run of the wizard
        io.github.spndoctor.app.page.connect.ConnectPageModel connect = new io.github.spndoctor.app.page.connect.ConnectPageModel(
                later, new io.github.spndoctor.app.session.Connections(() -> demo), runner,
                new io.github.spndoctor.app.page.connect.LiveConnectForm(
                        () -> new io.github.spndoctor.core.directory.connect.ProfileStore(home.resolve("p.json"))));
        List<io.github.spndoctor.core.remedy.Plan> handed = new ArrayList<>();
        connect.undoFromJournal(journal, handed::add);
        assertEquals(1, handed.size(), connect.errorProperty().get());
        assertEquals(WizardSession.Purpose.UNDO, later.purposeProperty().get());
        assertEquals("srv003.rwwilden01.local", later.targetProperty().get().asTyped());

        ReviewPageModel review = new ReviewPageModel(later, runner, plans);
        review.onEnter();
        assertEquals("_Undo 1 change", review.primaryLabel().get());
        assertTrue(review.changes().get(0).startsWith("1. Add HTTP/srv003.rwwilden01.local to svc-srv003-web$"));
        review.next(() -> { });
        new ResultPageModel(later, runner, plans, () -> { }, st -> { }).onEnter();
        assertTrue(msaHolds(), "the journal's undo restored the SPN");

        connect.undoFromJournal(home.resolve("no-such-journal.ldif"), handed::add);
        assertTrue(connect.errorProperty().get().contains("could not be read"), connect.errorProperty().get());
        assertEquals(1, handed.size());
    }
}
