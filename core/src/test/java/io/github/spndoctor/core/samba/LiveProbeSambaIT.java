package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.ProbeStep;
import io.github.spndoctor.core.probe.TicketOutcome;
import io.github.spndoctor.core.probe.WinrmOutcome;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live probe against the Samba lab and its WinRM stand-in (run inside the lab lock, after seed): rejected while
 * the managed service account holds HTTP/srv003.lab.test, accepted after the SPN is removed, rejected again after
 * the undo — each time with fresh tickets; the healthy host is accepted; the CRM host is rejected.
 */
class LiveProbeSambaIT {
    @BeforeEach
    void lab() {
        SambaLab.require();
    }

    static ProbeResult probe(LdapDirectory dir, String host, List<ProbeStep> steps) {
        return new LiveProbe(dir, LabProbe.withPassword()).run(Endpoint.parse(host), WinrmClient.POWERSHELL,
                ClientSettings.DEFAULT, steps::add);
    }

    @Test
    void hijackedHostIsRejectedAndTheKvnoNamesTheServiceAccount() throws Exception {
        try (LdapDirectory dir = SambaLab.directory()) {
            List<ProbeStep> steps = new ArrayList<>();
            ProbeResult r = probe(dir, "srv003.lab.test", steps);
            assertEquals("HTTP/srv003.lab.test", r.spn().orElseThrow().toString());
            assertTrue(r.dns().resolves());
            assertTrue(r.tcp().get(5985), "the stand-in listens");
            assertTrue(r.listener(), "anonymous Identify is answered");
            assertEquals(TicketOutcome.ISSUED, r.ticket().outcome(), r.ticket().detail());
            int webKvno = dir.keyVersion(dir.findHolders(Spn.parse("HTTP/srv003.lab.test")).get(0).ref().dn()).orElseThrow();
            assertEquals(webKvno, r.ticket().kvno().orElseThrow());
            assertTrue(r.kvnoMatches().stream().anyMatch(m -> m.equalsIgnoreCase("svc-srv003-web$")), r.kvnoMatches().toString());
            assertFalse(r.kvnoMatches().stream().anyMatch(m -> m.equalsIgnoreCase("SRV003$")), r.kvnoMatches().toString());
            assertEquals(WinrmOutcome.REJECTED, r.winrm(), r.winrmDetail());
            assertTrue(r.summary().startsWith("The server rejected a Kerberos ticket for HTTP/srv003.lab.test; the ticket "
                    + "carried key version " + webKvno + ", which is svc-srv003-web$'s key, not SRV003$'s ("), r.summary());
            assertTrue(r.clockOffsetSeconds().isPresent());
            assertTrue(Math.abs(r.clockOffsetSeconds().getAsLong()) < 5);
            assertTrue(r.freshTickets());
            assertEquals(List.of(ProbeStep.Kind.values()), steps.stream().filter(s -> s.status() != ProbeStep.Status.RUNNING)
                    .map(ProbeStep::kind).toList());
        }
    }

    @Test
    void healthyHostAcceptsAndTheCrmHostRejects() throws Exception {
        try (LdapDirectory dir = SambaLab.directory()) {
            ProbeResult ok = probe(dir, "srv004.lab.test", new ArrayList<>());
            assertEquals(WinrmOutcome.ACCEPTED, ok.winrm(), ok.winrmDetail());
            assertTrue(ok.kvnoMatches().stream().anyMatch(m -> m.equalsIgnoreCase("SRV004$")), ok.kvnoMatches().toString());
            assertEquals("WinRM on srv004.lab.test accepts Kerberos for HTTP/srv004.lab.test.", ok.summary());
            ProbeResult crm = probe(dir, "dynamics-crm.lab.test", new ArrayList<>());
            assertEquals(WinrmOutcome.REJECTED, crm.winrm(), crm.winrmDetail());
        }
    }

    @Test
    void removingTheSpnMakesWinrmAcceptAndTheUndoBreaksItAgain() throws Exception {
        try (LdapDirectory dir = SambaLab.directory()) {
            Spn http = Spn.parse("HTTP/srv003.lab.test");
            Account web = dir.findHolders(http).get(0);
            Spn stored = web.spns().stream().filter(s -> s.equals(http)).findFirst().orElseThrow();
            assertEquals(WinrmOutcome.REJECTED, probe(dir, "srv003.lab.test", new ArrayList<>()).winrm());
            dir.apply(new SpnChange.Remove(web.ref(), stored));
            try {
                ProbeResult fixed = probe(dir, "srv003.lab.test", new ArrayList<>());
                assertEquals(WinrmOutcome.ACCEPTED, fixed.winrm(), fixed.winrmDetail());
                assertEquals(TicketOutcome.ISSUED, fixed.ticket().outcome());
                assertTrue(fixed.kvnoMatches().stream().anyMatch(m -> m.equalsIgnoreCase("SRV003$")), fixed.kvnoMatches().toString());
            } finally {
                dir.apply(new SpnChange.Add(web.ref(), stored));
            }
            ProbeResult undone = probe(dir, "srv003.lab.test", new ArrayList<>());
            assertEquals(WinrmOutcome.REJECTED, undone.winrm(), undone.winrmDetail());
        }
    }

    @Test
    void withoutCredentialsOnlyTheStepsThatNeedNoneRun() throws Exception {
        try (LdapDirectory dir = SambaLab.directory()) {
            ProbeResult r = new LiveProbe(dir, LabProbe.with(new ProbeCredentials.None())).run(Endpoint.parse("srv003.lab.test"),
                    WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> { });
            assertEquals(TicketOutcome.NO_CREDENTIALS, r.ticket().outcome());
            assertEquals(WinrmOutcome.NOT_TRIED, r.winrm());
            assertTrue(r.listener());
            ProbeResult wrongPw = new LiveProbe(dir, LabProbe.with(new ProbeCredentials.Password("Administrator@LAB.TEST",
                    "not-the-password".toCharArray()))).run(Endpoint.parse("srv003.lab.test"), WinrmClient.POWERSHELL,
                    ClientSettings.DEFAULT, s -> { });
            assertEquals(TicketOutcome.NO_CREDENTIALS, wrongPw.ticket().outcome(), wrongPw.ticket().detail());
            assertFalse(wrongPw.ticket().detail().contains("not-the-password"));
            ProbeResult unknown = new LiveProbe(dir, LabProbe.withPassword()).run(Endpoint.parse("nohost.lab.test"),
                    WinrmClient.POWERSHELL, ClientSettings.DEFAULT, s -> { });
            assertEquals(TicketOutcome.PRINCIPAL_UNKNOWN, unknown.ticket().outcome(), unknown.ticket().detail());
        }
    }
}
