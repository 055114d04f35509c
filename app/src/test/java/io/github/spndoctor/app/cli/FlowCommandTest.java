package io.github.spndoctor.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code flow}: the same flow the wizard draws, as its outline and an SVG file; the exit code says whether it works. */
class FlowCommandTest {
    @TempDir
    Path dir;

    @Test
    void srv003_isDrawnWithTheServiceAccountsKey_andSavedAsSvg() throws Exception {
        Path svg = dir.resolve("flow.svg");
        LookupCommandTest.Run r = LookupCommandTest.run("flow", "--demo", "--target", "srv003.rwwilden01.local", "--svg", svg.toString());
        assertEquals(1, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("[holder] svc-srv003-web$") && r.out().contains("=> KRB_AP_ERR_MODIFIED"), r.out());
        String text = Files.readString(svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertTrue(text.contains("svc-srv003-web$") && text.contains("KRB_AP_ERR_MODIFIED"), text);
    }

    @Test
    void healthyHost_isAccepted_andAnAddressHasNoFlow() {
        LookupCommandTest.Run ok = LookupCommandTest.run("flow", "--demo", "--target", "srv004.rwwilden01.local");
        assertEquals(0, ok.status(), ok.err() + ok.out());
        assertTrue(ok.out().contains("=> accepted"), ok.out());
        LookupCommandTest.Run ip = LookupCommandTest.run("flow", "--demo", "--target", "10.0.0.23");
        assertEquals(0, ip.status(), ip.err());
        assertTrue(ip.out().startsWith("No ticket flow"), ip.out());
    }

    /** The client decides the SPN: Windows asks for the alias as typed (nobody holds it), pywinrm follows it to SRV004. */
    @Test
    void theClientDecidesWhatIsAskedFor() {
        LookupCommandTest.Run windows = LookupCommandTest.run("flow", "--demo", "--target", "reports.rwwilden01.local");
        assertEquals(1, windows.status(), windows.err() + windows.out());
        assertTrue(windows.out().contains("[client] PowerShell - asks for HTTP/reports.rwwilden01.local"), windows.out());
        LookupCommandTest.Run py = LookupCommandTest.run("flow", "--demo", "--target", "reports.rwwilden01.local", "--client", "pywinrm");
        assertEquals(0, py.status(), py.err() + py.out());
        assertTrue(py.out().contains("[client] pywinrm - asks for HTTP/srv004.rwwilden01.local")
                && py.out().contains("CNAME reports.rwwilden01.local → srv004.rwwilden01.local"), py.out());
        LookupCommandTest.Run port = LookupCommandTest.run("flow", "--demo", "--target", "srv004.rwwilden01.local", "--include-port");
        assertTrue(port.out().contains("asks for HTTP/srv004.rwwilden01.local:5985"), port.out());
    }
}
