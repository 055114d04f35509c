package io.github.spndoctor.app.samba;

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
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.session.ProbeChoice;
import io.github.spndoctor.core.session.SessionConfig;
import io.github.spndoctor.core.verify.VerifyResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The wizard's page models repair srv003.lab.test on the real Samba AD DC through the core repair session: Remove the
 * HTTP SPN from the managed service account, the Result page checks, Undo, the Result page checks again — and after
 * each write the directory is read independently with ldapsearch. Changes the lab: run it inside
 * {@code flock /tmp/samba-lab.lock} after {@code samba-lab.sh seed}; it leaves the lab as seeded (the undo restores it).
 */
class WizardRepairSambaIT {
    static final String SPN = "HTTP/srv003.lab.test";
    @TempDir
    Path dir;
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();
    private WizardSession session;
    private ConnectPageModel connect;

    static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    @BeforeEach
    void connect() {
        if (env("SAMBALAB_LDAP_URI") == null || env("SAMBALAB_BIND_PW") == null) {
            String msg = "Samba lab not configured (SAMBALAB_LDAP_URI unset): eval \"$(bash ../shared/samba-lab/samba-lab.sh env)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.assumeTrue(false, msg);
        }
        session = new WizardSession(SessionConfig.under(dir).withProbes(ProbeChoice.NONE));
        LiveConnectForm form = new LiveConnectForm(() -> new ProfileStore(dir.resolve("profiles.json")));
        connect = new ConnectPageModel(session, new Connections(DemoDirectory::start), runner, form);
        connect.modeProperty().set(ConnectPageModel.Mode.LIVE);
        connect.allowChangesProperty().set(true);
        form.serverProperty().set(URI.create(env("SAMBALAB_LDAP_URI")).getHost());
        form.identityProperty().set(env("SAMBALAB_BIND_UPN"));
        form.passwordProperty().set(env("SAMBALAB_BIND_PW"));
        form.trustProperty().set(LiveConnectForm.TrustChoice.CA_FILE);
        form.trustValueProperty().set(env("LDAPTLS_CACERT"));
        boolean[] moved = {false};
        connect.next(() -> moved[0] = true);
        assertTrue(moved[0], connect.errorProperty().get() + " " + connect.errorDetailProperty().get());
        assertTrue(session.banner().get().endsWith("changes allowed"), session.banner().get());
    }

    @AfterEach
    void close() {
        if (session != null && session.directory() != null) {
            session.directory().close();
        }
    }

    /** Who holds {@code spn}, as ldapsearch sees it (sAMAccountName values, lower case). */
    static List<String> holders(String spn) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ldapsearch", "-LLL", "-x", "-H", env("SAMBALAB_LDAP_URI"),
                "-D", env("SAMBALAB_BIND_UPN"), "-w", env("SAMBALAB_BIND_PW"), "-b", "DC=lab,DC=test",
                "(servicePrincipalName=" + spn + ")", "sAMAccountName"));
        if (env("SAMBALAB_LDAP_URI").startsWith("ldap://")) {
            cmd.add(2, "-ZZ");   // plain LDAP: StartTLS, as the lab requires for a simple bind
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LDAPTLS_CACERT", env("LDAPTLS_CACERT"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().filter(l -> l.startsWith("sAMAccountName: "))
                .map(l -> l.substring("sAMAccountName: ".length()).strip().toLowerCase(Locale.ROOT)).sorted().toList();
    }

    @Test
    void removeSpn_check_undo_check_onSrv003_matchesLdapsearch() throws Exception {
        assertEquals(List.of("svc-srv003-web$"), holders(SPN), "the lab must be seeded first");
        SymptomPageModel symptom = new SymptomPageModel(session, runner, new SymptomReader(), List.of());
        symptom.textProperty().set("Enter-PSSession : Connecting to remote server srv003.lab.test failed with the following "
                + "error message : WinRM cannot process the request. The following error with errorcode 0x80090322 "
                + "occurred while using Kerberos authentication: An unknown security error occurred.");
        symptom.next(() -> { });
        new LookupPageModel(session, runner).onEnter();
        new DiagnosisPageModel(session, runner, new DiagnosisService()).onEnter();
        RemedyPageModel remedy = new RemedyPageModel(session, runner);
        remedy.onEnter();
        assertEquals("remove-spn", remedy.selectedProperty().get().id());
        remedy.next(() -> { });

        PlanService plans = new PlanService(dir);
        ReviewPageModel review = new ReviewPageModel(session, runner, plans);
        ResultPageModel result = new ResultPageModel(session, runner, plans, () -> { }, step -> { });
        review.onEnter();
        assertEquals("_Apply 1 change", review.primaryLabel().get());
        review.next(() -> { });
        result.onEnter();
        assertEquals(VerifyResult.Verdict.FIXED, result.checkVerdictProperty().get(), result.checkDetailsProperty().get());
        assertEquals(List.of(), holders(SPN), "ldapsearch: nobody holds the SPN after the fix");

        result.undo();
        review.onEnter();
        assertEquals("_Undo 1 change", review.primaryLabel().get());
        review.next(() -> { });
        result.onEnter();
        assertEquals(VerifyResult.Verdict.UNDONE, result.checkVerdictProperty().get(), result.checkDetailsProperty().get());
        assertTrue(result.checkProperty().get().contains("svc-srv003-web$"), result.checkProperty().get());
        assertEquals(List.of("svc-srv003-web$"), holders(SPN), "ldapsearch: the undo put it back exactly");
        result.checkAgain();
        assertEquals(VerifyResult.Verdict.UNDONE, result.checkVerdictProperty().get());
        assertFalse(session.repair().timeline().isEmpty());
        assertTrue(session.repair().applied().isPresent() && Optional.of(session.repair().applied().get().changes().size()).get() == 1);
    }
}
