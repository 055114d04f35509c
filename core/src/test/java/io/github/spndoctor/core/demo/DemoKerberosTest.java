package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.verify.TicketCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoKerberosTest {
    static DemoDirectory demo;
    static DemoKerberos kerberos;
    static DemoTicketProbe probe;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start();
        kerberos = DemoKerberos.start(demo);
        probe = new DemoTicketProbe(kerberos);
    }

    @AfterAll
    static void stop() {
        kerberos.close();
        demo.close();
    }

    @Test
    void realmsFollowTheDemoDomains() {
        assertEquals(java.util.List.of("RWWILDEN01.LOCAL", "KIMCONNECT.COM", "CONTOSO.COM"), kerberos.realms());
        assertEquals("RWWILDEN01.LOCAL", kerberos.realmOf("srv003.rwwilden01.local"));
        assertEquals("CONTOSO.COM", kerberos.realmOf("MEM1"));
    }

    @Test
    void hijackedSpnGivesATicketTheComputerCannotRead() {
        TicketCheck c = probe.requestTicket(Spn.parse("HTTP/srv003.rwwilden01.local"));
        assertEquals(TicketCheck.Outcome.WRONG_ACCOUNT, c.outcome(), c.answer());
        assertTrue(c.explanation().contains("svc-srv003-web$"), c.explanation());
    }

    @Test
    void httpWithoutAnExplicitHolderIsAnsweredByHostAndAccepted() {
        TicketCheck c = probe.requestTicket(Spn.parse("HTTP/srv004.rwwilden01.local"));
        assertEquals(TicketCheck.Outcome.ACCEPTED_BY_HOST, c.outcome(), c.answer());
    }

    @Test
    void duplicateIsRefusedByTheKdc() {
        TicketCheck c = probe.requestTicket(Spn.parse("HTTP/app01.contoso.com"));
        assertEquals(TicketCheck.Outcome.NOT_FOUND, c.outcome(), c.answer());
        assertTrue(c.explanation().contains("2 accounts"), c.explanation());
    }

    @Test
    void winrmRejectsWhileBrokenAndAcceptsAfterTheFix() throws Exception {
        Spn spn = Spn.parse("HTTP/Mem1.contoso.com");
        assertEquals(401, winrm("mem1.contoso.com", spn));
        Account holder = demo.findHolders(spn).get(0);
        demo.apply(new SpnChange.Remove(holder.ref(), holder.stored(spn).orElseThrow()));
        try {
            assertEquals(200, winrm("mem1.contoso.com", spn));
        } finally {
            demo.apply(new SpnChange.Add(holder.ref(), holder.stored(spn).orElseThrow()));
        }
        assertEquals(401, winrm("mem1.contoso.com", spn));
    }

    /** One raw HTTP/1.1 request, so the Host header is the computer's name (as a WinRM client sends it). */
    static int winrm(String host, Spn spn) throws Exception {
        byte[] token = DemoClient.negotiateToken(new DemoClient(kerberos).serviceTicket(spn));
        var a = kerberos.winrmAddress();
        try (Socket s = new Socket(a.getAddress(), a.getPort())) {
            String req = "POST /wsman HTTP/1.1\r\nHost: " + host + ":5985\r\nAuthorization: Negotiate "
                    + Base64.getEncoder().encodeToString(token) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
