package io.github.spndoctor.app.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spndoctor.app.cli.SpnDoctorCommand;
import io.github.spndoctor.app.page.diagnosis.DiagnosisPageModel;
import io.github.spndoctor.app.page.diagnosis.DiagnosisService;
import io.github.spndoctor.app.page.remedy.RemedyPageModel;
import io.github.spndoctor.app.page.result.ResultPageModel;
import io.github.spndoctor.app.page.review.ReviewPageModel;
import io.github.spndoctor.app.plan.PlanService;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.symptom.CommonSymptom;
import io.github.spndoctor.core.verify.VerifyResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wizard's page models driving the core repair session on the demo directory: verdicts, remedies, apply/undo. */
class RepairPageModelsTest extends DemoPages {
    static final String MSA = "CN=svc-srv003-web,CN=Managed Service Accounts,DC=rwwilden01,DC=local";
    final List<Step> navigated = new ArrayList<>();

    /** Symptom → Look up → Diagnosis → Remedy, as the pages do it; returns the Remedy page model. */
    RemedyPageModel upToRemedy(String host, String text) {
        upToLookup(host, text);
        DiagnosisPageModel diagnosis = new DiagnosisPageModel(session, runner, new DiagnosisService());
        diagnosis.onEnter();
        RemedyPageModel remedy = new RemedyPageModel(session, runner);
        remedy.onEnter();
        return remedy;
    }

    @Test
    void srv004_isCalledHealthy_andNothingIsPreselected() {
        RemedyPageModel remedy = upToRemedy("srv004.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR.text());
        DiagnosisPageModel diagnosis = new DiagnosisPageModel(session, runner, new DiagnosisService());
        diagnosis.onEnter();
        assertEquals(HostVerdict.Kind.HEALTHY, diagnosis.verdictKindProperty().get());
        assertTrue(diagnosis.headlineProperty().get().startsWith("No SPN problem found for srv004.rwwilden01.local"),
                diagnosis.headlineProperty().get());
        assertNull(remedy.selectedProperty().get());
        assertTrue(remedy.choices().stream().noneMatch(RemedyOption::recommended));
        assertTrue(remedy.noteProperty().get().contains("Nothing is preselected"), remedy.noteProperty().get());
    }

    @Test
    void srv003_withServerManager_preselectsRemoveSpn_andPortSpnsDoNotApply() {
        RemedyPageModel remedy = upToRemedy("srv003.rwwilden01.local", CommonSymptom.SERVER_MANAGER_REFRESH.text());
        assertEquals("remove-spn", remedy.selectedProperty().get().id());
        assertEquals("remove-spn", remedy.choices().get(0).id());
        RemedyOption port = remedy.choices().stream().filter(o -> o.id().equals("port-spn")).findFirst().orElseThrow();
        assertFalse(port.applicable());
        assertTrue(port.whyNot().contains("Server Manager cannot ask for a port SPN"), port.whyNot());
        assertEquals(14, remedy.choices().size(), "every remedy is reachable");
    }

    @Test
    void wac01_withTheCredSspPolicyText_preselectsCredSsp() {
        RemedyPageModel remedy = upToRemedy("wac01.contoso.com", CommonSymptom.CREDSSP_POLICY.text());
        assertEquals("credssp", remedy.selectedProperty().get().id());
    }

    @Test
    void apply_resultRechecks_undo_resultRechecks_andTheReportHasTheStepsInOrder() throws Exception {
        RemedyPageModel remedy = upToRemedy("srv003.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR.text());
        remedy.next(() -> { });
        PlanService plans = new PlanService(home);
        ReviewPageModel review = new ReviewPageModel(session, runner, plans);
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> { }, navigated::add);
        review.onEnter();
        assertEquals("_Apply 1 change", review.primaryLabel().get());
        assertTrue(demo.readAccount(MSA).orElseThrow().holds(Spn.parse("HTTP/srv003.rwwilden01.local")), "nothing written on Review");
        review.next(() -> { });
        result.onEnter();
        assertFalse(demo.readAccount(MSA).orElseThrow().holds(Spn.parse("HTTP/srv003.rwwilden01.local")));
        assertEquals(VerifyResult.Verdict.FIXED, result.checkVerdictProperty().get(), result.checkDetailsProperty().get());
        assertTrue(result.canUndoProperty().get());

        result.undo();
        assertEquals(List.of(Step.REVIEW), navigated);
        review.onEnter();
        assertEquals("_Undo 1 change", review.primaryLabel().get());
        review.next(() -> { });
        result.onEnter();
        assertTrue(demo.readAccount(MSA).orElseThrow().holds(Spn.parse("HTTP/srv003.rwwilden01.local")), "the conflict is back");
        assertEquals(VerifyResult.Verdict.UNDONE, result.checkVerdictProperty().get());
        assertFalse(result.checkProperty().get().contains("applied") || result.checkProperty().get().contains(": fixed"),
                result.checkProperty().get());
        assertTrue(result.checkProperty().get().contains("HTTP/srv003.rwwilden01.local is held by"), result.checkProperty().get());
        assertFalse(result.canUndoProperty().get());
        // the change rows and the outcome speak of an undo, not of another apply
        assertEquals(List.of(io.github.spndoctor.core.apply.ChangeProgress.RESTORED),
                result.rows().stream().map(r -> r.statusProperty().get()).toList());
        assertTrue(result.outcomeProperty().get().startsWith("The change was undone."), result.outcomeProperty().get());
        assertFalse(result.outcomeProperty().get().contains("applied"), result.outcomeProperty().get());

        Path file = home.resolve("report.md");
        result.saveReport(file);
        String md = Files.readString(file);
        int lookup = md.indexOf("| Look up |");
        int plan = md.indexOf("| Plan |");
        int apply = md.indexOf("| Apply |");
        int check = md.indexOf("| Check |");
        int undo = md.indexOf("| Undo |");
        int check2 = md.indexOf("| Check |", undo);
        assertTrue(lookup > 0 && lookup < plan && plan < apply && apply < check && check < undo && undo < check2, md);
        assertFalse(md.contains("NOT fixed"), md);
    }

    @Test
    void startOver_keepsTheConnection_forAnotherHost() {
        upToRemedy("srv003.rwwilden01.local", "");
        var repair = session.repair();
        ResultPageModel result = new ResultPageModel(session, runner, new PlanService(home), () -> { }, navigated::add);
        result.startOver();
        assertEquals(List.of(Step.SYMPTOM), navigated);
        assertTrue(session.directory() == demo && session.repair() == repair);
        assertTrue(repair.target().isEmpty());
        RemedyPageModel again = upToRemedy("srv004.rwwilden01.local", "");
        assertNull(again.selectedProperty().get());
    }

    @Test
    void theWizardsRemedyList_isTheCliList_forEveryDemoHost() throws Exception {
        String text = CommonSymptom.UNKNOWN_SECURITY_ERROR.text();
        for (String host : List.of("srv003.rwwilden01.local", "DYNAMICS-CRM", "mem1.contoso.com", "wac01.contoso.com",
                "srv004.rwwilden01.local", "nosuchhost.contoso.com", "10.0.0.5")) {
            for (String t : List.of(text, CommonSymptom.SERVER_MANAGER_REFRESH.text(), CommonSymptom.CREDSSP_POLICY.text())) {
                RemedyPageModel remedy = upToRemedy(host, t);
                Path in = home.resolve("text.txt");
                Files.writeString(in, t);
                StringWriter out = new StringWriter();
                int rc = SpnDoctorCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                        "remedies", "--demo", "--target", host, "--text-file", in.toString(), "--json");
                assertEquals(0, rc);
                JsonNode json = LookupJson.MAPPER.readTree(out.toString());
                List<String> cli = new ArrayList<>();
                json.get("options").forEach(o -> cli.add(o.get("id").asText() + "|" + o.get("applicable").asBoolean() + "|"
                        + o.get("recommended").asBoolean() + "|" + o.get("why").asText() + "|" + o.get("risk").asText()));
                List<String> wizard = remedy.choices().stream().map(o -> o.id() + "|" + o.applicable() + "|" + o.recommended()
                        + "|" + o.why() + "|" + o.risk()).toList();
                assertEquals(wizard, cli, host);
                assertEquals(remedy.selectedProperty().get() == null ? "" : remedy.selectedProperty().get().id(),
                        json.get("options").get(0).get("recommended").asBoolean() ? json.get("options").get(0).get("id").asText() : "", host);
            }
        }
    }
}
