package io.github.spndoctor.app.e2e;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import io.github.spndoctor.app.wizard.Step;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetAddress;
import java.nio.file.Path;

import static io.github.spndoctor.app.e2e.WizardFixture.onFx;
import static io.github.spndoctor.app.e2e.WizardFixture.showing;
import static io.github.spndoctor.app.e2e.WizardFixture.text;
import static io.github.spndoctor.app.e2e.WizardFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "My Active Directory" form: a field the model rejects is marked on the field itself (ControlsFX decoration) as
 * well as in words, and unmarked once corrected; an unknown server certificate is offered with its fingerprint, and
 * Enter at that prompt tries again without trusting it and without closing the wizard.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectFormTest {
    @TempDir
    static Path home;
    static InMemoryDirectoryServer ldaps;
    private WizardFixture fx;

    @BeforeAll
    static void server() throws Exception {
        Path ks = home.resolve("dc.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "dc", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig("DC=test,DC=local");
        SSLUtil ssl = new SSLUtil(new KeyStoreKeyManager(ks.toFile(), "changeit".toCharArray(), "PKCS12", "dc"), null);
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                ssl.createSSLServerSocketFactory(), null));
        ldaps = new InMemoryDirectoryServer(cfg);
        ldaps.startListening();
    }

    @AfterAll
    static void shutDown() {
        ldaps.shutDown(true);
    }

    @Start
    void start(Stage stage) {
        fx = new WizardFixture(DemoDirectory.start(), home, 1024, 768);
        fx.start(stage);
    }

    @AfterEach
    void stop() { fx.stop(); }

    private boolean marked(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).query().getStyleClass().contains("error"));
    }

    @Test
    void aRejectedServerNameIsMarkedOnTheField_andUnmarkedWhenCorrected() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#liveChoice");
        robot.clickOn("#liveServer").write("dc1.test.local)(|(objectClass=*)");
        robot.clickOn("#liveIdentity").write("admin@test.local");
        robot.clickOn("#livePassword").write("not-a-real-password");
        assertFalse(marked(robot, "#liveServer"), "nothing is marked before the user asks to connect");
        robot.clickOn("#nextButton");
        waitUntil(v -> !text(robot, "#liveServerError").isEmpty());
        assertTrue(marked(robot, "#liveServer"), "the field carries the error mark");
        WizardFixture.shot(robot, "connect-marked");
        assertFalse(marked(robot, "#liveIdentity"), "a good field stays unmarked");
        assertEquals(Step.CONNECT, fx.composition.wizard().currentStep());

        robot.interact(() -> robot.lookup("#liveServer").queryAs(TextField.class).setText("localhost"));
        robot.interact(() -> robot.lookup("#livePort").queryAs(TextField.class).setText("70000"));
        robot.clickOn("#nextButton");
        waitUntil(v -> text(robot, "#liveServerError").contains("port") || text(robot, "#liveServerError").contains("Port"));
        assertTrue(marked(robot, "#liveServer"));
        robot.interact(() -> robot.lookup("#livePort").queryAs(TextField.class).setText(""));
        robot.interact(() -> robot.lookup("#liveIdentity").queryAs(TextField.class).setText("admin"));
        robot.clickOn("#nextButton");
        waitUntil(v -> text(robot, "#liveServerError").isEmpty() && !text(robot, "#liveIdentityError").isEmpty());
        assertFalse(marked(robot, "#liveServer"), "the mark goes when the model no longer objects");
        assertTrue(marked(robot, "#liveIdentity"));
        assertFalse(fx.closed);
    }

    @Test
    void enterAtTheCertificatePrompt_triesAgainWithoutTrusting_andNeverCloses() throws Exception {
        FxRobot robot = new FxRobot();
        waitUntil(v -> fx.ready());
        robot.clickOn("#liveChoice");
        robot.clickOn("#liveServer").write("localhost");
        robot.clickOn("#livePort").write(String.valueOf(ldaps.getListenPort()));
        robot.clickOn("#liveIdentity").write("admin@test.local");
        robot.clickOn("#livePassword").write("not-a-real-password");
        robot.type(KeyCode.ENTER);
        waitUntil(v -> showing(robot, "#trustCertificate") && !fx.composition.wizard().busyProperty().get());
        String offer = text(robot, "#liveCertificate");
        assertTrue(offer.matches("(?s).*([0-9A-F]{2}:){31}[0-9A-F]{2}.*"), "the prompt shows the SHA-256 fingerprint: " + offer);

        WizardFixture.shot(robot, "connect-certificate");
        robot.type(KeyCode.ENTER);                                // the page's main action: connect again
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(v -> !fx.composition.wizard().busyProperty().get() && showing(robot, "#trustCertificate"));
        assertFalse(fx.closed, "Enter at the certificate prompt never closes the wizard");
        assertEquals(Step.CONNECT, fx.composition.wizard().currentStep());
        assertEquals("", onFx(() -> robot.lookup("#liveTrustValue").queryAs(TextField.class).getText()),
                "Enter did not trust the certificate; only the Trust button does");

        robot.clickOn("#trustCertificate");
        String pinned = onFx(() -> robot.lookup("#liveTrustValue").queryAs(TextField.class).getText());
        assertTrue(offer.contains(pinned) && !pinned.isEmpty(), "the offered fingerprint is pinned: " + pinned);
        assertFalse(showing(robot, "#trustCertificate"));
    }
}
