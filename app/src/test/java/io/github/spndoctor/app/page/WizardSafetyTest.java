package io.github.spndoctor.app.page;

import io.github.spndoctor.app.fixture.SecretForms;
import io.github.spndoctor.app.page.connect.ConnectPageModel;
import io.github.spndoctor.app.page.connect.LiveConnectForm;
import io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel;
import io.github.spndoctor.app.page.diagnosis.DiagnosisService;
import io.github.spndoctor.app.page.lookup.LookupPageModel;
import io.github.spndoctor.app.page.remedy.RemedyPageModel;
import io.github.spndoctor.app.page.result.ResultPageModel;
import io.github.spndoctor.app.page.review.ReviewPageModel;
import io.github.spndoctor.app.page.symptom.SymptomPageModel;
import io.github.spndoctor.app.page.symptom.SymptomReader;
import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.app.session.Connections;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.session.SessionConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 through the wizard's page models: the pasted text is redacted where it enters (and so in the saved report),
 * demo writes stay out of the real journal folder and audit log, and a journal from another directory never reaches
 * the Review page.
 */
class WizardSafetyTest extends DemoPages {

    /** Symptom (with every secret form) → Look up → Diagnosis → Remedy → Review → Result, as the pages do it. */
    ResultPageModel applyFromSecretText(PlanService plans) {
        SymptomPageModel symptom = new SymptomPageModel(session, runner, new SymptomReader(), List.of());
        symptom.textProperty().set(SecretForms.TEXT);
        symptom.targetProperty().set("srv003.rwwilden01.local");
        symptom.next(() -> { });
        for (String f : SecretForms.fragments()) {
            assertFalse(session.symptomTextProperty().get().contains(f), "the wizard keeps only the redacted text: " + f);
            assertFalse(session.repair().symptomText().contains(f), "the repair session keeps only the redacted text: " + f);
        }
        new LookupPageModel(session, runner).onEnter();
        new DiagnosisPageModel(session, runner, new DiagnosisService()).onEnter();
        RemedyPageModel remedy = new RemedyPageModel(session, runner);
        remedy.onEnter();
        remedy.next(() -> { });
        ReviewPageModel review = new ReviewPageModel(session, runner, plans);
        review.onEnter();
        review.next(() -> { });
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> { }, s -> { });
        result.onEnter();
        return result;
    }

    @Test
    void savedReport_holdsNoSecretFromThePastedText_andHasTheTimeline() throws Exception {
        PlanService plans = new PlanService(home);
        ResultPageModel result = applyFromSecretText(plans);
        for (String name : List.of("r.md", "r.html")) {
            Path file = home.resolve(name);
            result.saveReport(file);
            String page = Files.readString(file);
            for (String f : SecretForms.fragments()) {
                assertFalse(page.contains(f), f + " in " + name + ":\n" + page);
            }
            assertTrue(page.contains("0x80090322") && page.contains("HTTP/srv003.rwwilden01.local:5985"),
                    "error codes and SPNs are not blanked: " + page);
            assertTrue(page.contains("Timeline") && page.contains("Apply") && page.contains("Check"), page);
        }
    }

    @Test
    void demoWrites_stayOutOfTheRealJournalFolderAndAuditLog() throws Exception {
        applyFromSecretText(new PlanService(home));
        Path journals = home.resolve("demo").resolve("journals");
        assertTrue(Files.isDirectory(journals), "the demo journal folder");
        try (var files = Files.list(journals)) {
            assertEquals(1, files.count(), "one journal for the one fix");
        }
        assertFalse(Files.exists(home.resolve("journals")), "no demo journal in the real folder");
        assertFalse(Files.exists(home.resolve("audit.log")), "no demo line in the real audit log");
        assertTrue(Files.readString(home.resolve("demo").resolve("audit.log")).contains("HTTP/srv003.rwwilden01.local"));
    }

    @Test
    void aJournalFromALiveDirectory_isRefusedOnTheDemo_beforeReview() throws Exception {
        var lookup = demo.lookup(io.github.spndoctor.core.model.TargetName.parse("srv003.rwwilden01.local"));
        Plan plan = io.github.spndoctor.core.remedy.Remedies.plan("remove-spn", lookup, demo);
        Path journal = home.resolve("live.ldif");
        Journal.createAt(journal, new DirectoryInfo(false, "dc1.rwwilden01.local:636", "alice@rwwilden01.local", false),
                lookup.target(), plan);
        // the journal claims its change was applied
        Files.writeString(journal, Files.readString(journal)
                + "#@attempt {\"n\":1}\n#@outcome {\"n\":1,\"status\":\"applied\",\"detail\":\"\"}\n");
        WizardSession later = new WizardSession(SessionConfig.under(home));
        ConnectPageModel connect = new ConnectPageModel(later, new Connections(() -> demo), runner,
                new LiveConnectForm(() -> new ProfileStore(home.resolve("p.json"))));
        List<Plan> handed = new ArrayList<>();
        connect.undoFromJournal(journal, handed::add);
        assertEquals(List.of(), handed, "no undo plan reaches Review");
        assertFalse(connect.errorProperty().get().isBlank(), "the page says why");
    }
}
