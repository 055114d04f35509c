package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.symptom.CommonSymptom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client per session: the per-SPN states, the verdict, the remedy options and the ticket flow all follow the
 * session's client — chosen, else named in the text, else Windows PowerShell (said so). The demo's wac01 has no WSMAN/
 * SPN: fine for PowerShell (a warning), a problem for pypsrp or a WSMAN prefix.
 */
class OneClientTest {
    static final String WAC01 = "wac01.contoso.com";
    /** PowerShell remoting's own error text, as Enter-PSSession prints it for wac01. */
    static final String PS_TEXT = "Connecting to remote server wac01.contoso.com failed with the following error message : "
            + "WinRM cannot process the request. The following error with errorcode 0x80090322 occurred while using "
            + "Kerberos authentication: An unknown security error occurred.";
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    RepairSession session(String host, String text) throws Exception {
        RepairSession s = new RepairSession(demo, new SessionConfig(home.resolve("journals"), new AuditLog(home.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, io.github.spndoctor.core.remedy.RemedySettings.DEFAULT));
        s.describe(text, TargetName.parse(host));
        s.lookup();
        return s;
    }

    static SpnStatus status(Assessment a, String spn) {
        return a.spns().stream().filter(x -> x.spn().equals(Spn.parse(spn))).map(SpnState::status).findFirst().orElseThrow();
    }

    @Test
    void wac01ForPowerShell_works_andWarnsAboutWsman_andSaysWhereTheErrorComesFrom() throws Exception {
        RepairSession s = session(WAC01, PS_TEXT);
        Assessment a = s.assess();
        assertEquals(WinrmClient.POWERSHELL, a.client().client());
        assertEquals(ClientChoice.Source.TEXT, a.client().source(), "PowerShell remoting's own text names the client");
        assertEquals(HostVerdict.Kind.HEALTHY, a.verdict().kind(), a.verdict().sentence());
        assertEquals(HostVerdict.Caveat.WARNING, a.verdict().caveat());
        String v = a.verdict().sentence();
        assertTrue(v.startsWith("No SPN problem found for wac01.contoso.com: PowerShell asks for HTTP/wac01.contoso.com, "
                + "and its computer account WAC01$ answers it through HOST/."), v);
        assertTrue(v.contains("WSMAN/wac01.contoso.com and WSMAN/wac01 are registered nowhere") && v.contains("pypsrp")
                && v.contains("setspn -S"), v);
        assertTrue(v.contains("0x80090322 most likely comes from elsewhere: the server's machine password"), v);
        assertFalse(v.contains("SPN problem for"), v);
        assertEquals(SpnStatus.ANSWERED_BY_HOST, status(a, "HTTP/wac01.contoso.com"));
        assertEquals(SpnStatus.MISSING_NOT_NEEDED, status(a, "WSMAN/wac01.contoso.com"));
        assertEquals(SpnStatus.OPTIONAL_ABSENT, status(a, "HTTP/wac01.contoso.com:5985"));
        assertTrue(a.spns().stream().noneMatch(x -> x.status().problem()), a.spns().toString());
        List<RemedyOption> options = s.remedies();
        assertTrue(options.stream().noneMatch(RemedyOption::recommended), options.toString());
        RemedyOption register = options.stream().filter(o -> o.id().equals(Remedies.REGISTER_SPN)).findFirst().orElseThrow();
        assertTrue(register.applicable() && register.why().startsWith("Optional: registers the WSMAN/ SPNs"), register.why());
    }

    @Test
    void choosingPypsrp_makesTheMissingWsmanAProblem_inTheStatesVerdictRemediesAndRanking() throws Exception {
        RepairSession s = session(WAC01, PS_TEXT);
        assertEquals(HostVerdict.Kind.HEALTHY, s.assess().verdict().kind());
        assertTrue(s.useClient(WinrmClient.PYPSRP, ClientSettings.DEFAULT));
        Assessment a = s.assess();
        assertEquals(ClientChoice.Source.CHOSEN, a.client().source());
        assertEquals(SpnStatus.MISSING_NEEDED, status(a, "WSMAN/wac01.contoso.com"));
        assertEquals(HostVerdict.Kind.PROBLEM, a.verdict().kind());
        assertEquals(Optional.of(CauseId.MISSING_SPN), a.verdict().cause());
        assertTrue(a.verdict().sentence().contains("WSMAN/wac01.contoso.com is registered nowhere, and pypsrp asks for it"),
                a.verdict().sentence());
        // the ranking agrees with the verdict: no other cause on top that contradicts it
        assertEquals(CauseId.MISSING_SPN, a.diagnosis().top().id(), a.diagnosis().causes().toString());
        List<RemedyOption> options = s.remedies();
        assertTrue(options.get(0).recommended(), options.toString());
        RemedyOption port = options.stream().filter(o -> o.id().equals(Remedies.PORT_SPN)).findFirst().orElseThrow();
        assertFalse(port.applicable(), "pypsrp asks for WSMAN/, a port SPN does not help it");
        assertEquals(WinrmClient.PYPSRP, s.clientChoice().client(), "the ticket flow follows the same client");

        assertFalse(s.useClient(WinrmClient.PYPSRP, ClientSettings.DEFAULT), "the same client again changes nothing");
        assertTrue(s.useClient(WinrmClient.POWERSHELL, ClientSettings.DEFAULT.withSpnPrefix("WSMAN")));
        assertEquals(HostVerdict.Kind.PROBLEM, s.assess().verdict().kind(), "PowerShell with spn_prefix WSMAN asks for WSMAN/");
        assertTrue(s.useClient(WinrmClient.POWERSHELL, ClientSettings.DEFAULT));
        assertEquals(HostVerdict.Kind.HEALTHY, s.assess().verdict().kind());
    }

    @Test
    void includingThePort_makesThePortSpnNeeded() throws Exception {
        RepairSession s = session(WAC01, PS_TEXT);
        s.useClient(WinrmClient.POWERSHELL, ClientSettings.DEFAULT.withIncludePort(true));
        Assessment a = s.assess();
        assertEquals(SpnStatus.MISSING_NEEDED, status(a, "HTTP/wac01.contoso.com:5985"));
        assertEquals(SpnStatus.OPTIONAL_ABSENT, status(a, "HTTP/wac01.contoso.com:5986"));
        assertEquals(HostVerdict.Kind.PROBLEM, a.verdict().kind());
    }

    @Test
    void theCredSspText_keepsTheMissingWsmanAProblem() throws Exception {
        Assessment a = session(WAC01, CommonSymptom.CREDSSP_POLICY.text()).assess();
        assertEquals(SpnStatus.MISSING_NEEDED, status(a, "WSMAN/wac01.contoso.com"));
        assertEquals(HostVerdict.Kind.PROBLEM, a.verdict().kind());
    }

    @Test
    void noClientInTheText_assumesWindowsPowerShell_andSaysSo() throws Exception {
        RepairSession s = session("srv004.rwwilden01.local", "");
        Assessment a = s.assess();
        assertEquals(ClientChoice.Source.DEFAULT, a.client().source());
        assertEquals(WinrmClient.POWERSHELL, a.client().client());
        assertTrue(a.client().sentence().contains("names no client, so Windows PowerShell is assumed"), a.client().sentence());
        assertEquals(HostVerdict.Caveat.NONE, a.verdict().caveat(), "no error at hand, nothing missing");
        assertEquals("Healthy", a.verdict().word());
        s.startOver();
        assertEquals(ClientChoice.Source.DEFAULT, s.clientChoice().source());
    }

    @Test
    void srv004WithTheError_isHealthy_butNeverReadsAsNothingWrong() throws Exception {
        Assessment a = session("srv004.rwwilden01.local", PS_TEXT.replace(WAC01, "srv004.rwwilden01.local")).assess();
        assertEquals(HostVerdict.Kind.HEALTHY, a.verdict().kind());
        assertEquals(HostVerdict.Caveat.LOOK_ELSEWHERE, a.verdict().caveat());
        assertEquals("SPNs fine, error elsewhere", a.verdict().word());
        assertTrue(a.verdict().sentence().contains("Its SPNs are right, so 0x80090322 most likely comes from elsewhere"),
                a.verdict().sentence());
        assertEquals(SpnStatus.HELD_BY_COMPUTER, status(a, "WSMAN/srv004.rwwilden01.local"));
    }

    @Test
    void clientsWithoutAPortOption_getNoPortSpn_whateverTheyAreCalledInTheText() throws Exception {
        for (String text : List.of(CommonSymptom.SERVER_MANAGER_REFRESH.text(),
                "Windows Event Forwarding subscription is not working: WinRM error 0x80090322")) {
            RepairSession s = session("srv003.rwwilden01.local", text);
            assertEquals(ClientChoice.Source.TEXT, s.clientChoice().source(), text);
            assertFalse(s.clientChoice().client().offersPort(), text);
            RemedyOption port = s.remedies().stream().filter(o -> o.id().equals(Remedies.PORT_SPN)).findFirst().orElseThrow();
            assertFalse(port.applicable(), text);
            assertTrue(port.why().contains("cannot ask for a port SPN"), port.why());
        }
    }
}
