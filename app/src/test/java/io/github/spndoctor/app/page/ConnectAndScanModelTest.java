package io.github.spndoctor.app.page;

import io.github.spndoctor.app.page.connect.ConnectPageModel;
import io.github.spndoctor.app.page.connect.LiveConnectForm;
import io.github.spndoctor.app.page.scan.ScanModel;
import io.github.spndoctor.app.session.Connections;
import io.github.spndoctor.app.session.WizardSession;
import io.github.spndoctor.app.task.ImmediateTaskRunner;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectAndScanModelTest {
    private static DemoDirectory demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDemo() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stopDemo() { demo.close(); }

    private LiveConnectForm form() {
        return new LiveConnectForm(() -> new ProfileStore(dir.resolve("profiles.json")));
    }

    @Test
    void demo_isPreselectedAndWritable_liveDefaultsToReadOnly() throws Exception {
        WizardSession session = new WizardSession();
        ConnectPageModel m = new ConnectPageModel(session, new Connections(() -> demo), new ImmediateTaskRunner(), form());
        assertEquals(ConnectPageModel.Mode.DEMO, m.modeProperty().get());
        assertTrue(m.allowChangesProperty().get());
        m.modeProperty().set(ConnectPageModel.Mode.LIVE);
        assertFalse(m.allowChangesProperty().get(), "a live directory is read-only until the user allows changes");
        m.modeProperty().set(ConnectPageModel.Mode.DEMO);
        m.allowChangesProperty().set(false);
        boolean[] moved = {false};
        m.next(() -> moved[0] = true);
        assertTrue(moved[0]);
        assertTrue(session.banner().get().startsWith("DEMO"));
        assertTrue(session.banner().get().endsWith("read-only"), session.banner().get());
    }

    @Test
    void liveForm_showsEachProblemUnderItsField() {
        LiveConnectForm f = form();
        assertTrue(f.validate(false).isEmpty());
        assertFalse(f.serverErrorProperty().get().isEmpty());
        assertFalse(f.identityErrorProperty().get().isEmpty());
        f.serverProperty().set("dc1.lab.test");
        f.identityProperty().set("not-a-upn");
        f.passwordProperty().set("S3cret!pw");
        assertTrue(f.validate(false).isEmpty());
        assertTrue(f.serverErrorProperty().get().isEmpty());
        assertTrue(f.identityErrorProperty().get().contains("not-a-upn"));
        f.identityProperty().set("alice@lab.test");
        f.securityProperty().set(ConnectionProfile.Security.PLAIN);
        assertTrue(f.validate(false).isEmpty(), "plain LDAP with a password needs explicit consent");
        assertTrue(f.formErrorProperty().get().contains("clear text"));
        f.securityProperty().set(ConnectionProfile.Security.LDAPS);
        f.trustProperty().set(LiveConnectForm.TrustChoice.FINGERPRINT);
        f.trustValueProperty().set("12:34");
        assertTrue(f.validate(false).isEmpty());
        assertFalse(f.trustErrorProperty().get().isEmpty());
        f.trustValueProperty().set("ab".repeat(32));
        ConnectionProfile p = f.validate(false).orElseThrow();
        assertEquals(ConnectionProfile.BindKind.SIMPLE_UPN, p.bindKind());
        assertTrue(p.readOnly());
        assertEquals("dc1.lab.test", p.host());
        assertFalse(f.validate(true).orElseThrow().readOnly());
    }

    @Test
    void liveForm_aDomainIsDiscovered_andKerberosNeedsNoPassword() {
        LiveConnectForm f = form();
        f.serverProperty().set("ldaps://lab.test");
        f.discoverProperty().set(true);
        f.signInProperty().set(LiveConnectForm.SignIn.KERBEROS);
        ConnectionProfile p = f.validate(false).orElseThrow();
        assertNull(p.host());
        assertEquals("lab.test", p.domain());
        assertEquals(ConnectionProfile.BindKind.GSSAPI, p.bindKind());
    }

    @Test
    void aFailedLiveConnection_isAPlainMessage_andThePasswordIsNeverSaved() throws Exception {
        WizardSession session = new WizardSession();
        LiveConnectForm f = form();
        ConnectPageModel m = new ConnectPageModel(session, new Connections(() -> demo), new ImmediateTaskRunner(), f);
        m.modeProperty().set(ConnectPageModel.Mode.LIVE);
        f.serverProperty().set("127.0.0.1");
        f.portProperty().set("1");              // nothing listens there
        f.identityProperty().set("alice@lab.test");
        f.passwordProperty().set("Very-Secret-Pw-4711");
        boolean[] moved = {false};
        m.next(() -> moved[0] = true);
        assertFalse(moved[0]);
        assertFalse(m.errorProperty().get().isEmpty());
        assertNull(session.directory());
        if (Files.exists(dir.resolve("profiles.json"))) {
            assertFalse(Files.readString(dir.resolve("profiles.json")).contains("Very-Secret-Pw-4711"));
        }
    }

    @Test
    void scan_ofTheDemoForest_findsTheSeededConflictsWithCounts() {
        ScanModel scan = new ScanModel(demo, new ImmediateTaskRunner());
        scan.start();
        assertFalse(scan.runningProperty().get());
        assertTrue(scan.findings().stream().anyMatch(f -> f.startsWith("[http-spn-on-service-account]")
                && f.contains("svc-srv003-web$")), scan.findings().toString());
        assertTrue(scan.findings().stream().anyMatch(f -> f.startsWith("[duplicate-spn]")), scan.findings().toString());
        assertTrue(scan.outcomeProperty().get().contains("conflicts found"), scan.outcomeProperty().get());
        assertTrue(scan.progressProperty().get().contains("SPNs"), scan.progressProperty().get());
    }
}
