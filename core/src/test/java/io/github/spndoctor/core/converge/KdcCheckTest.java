package io.github.spndoctor.core.converge;

import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.directory.DelegatingDirectory;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.evidence.NegotiateToken;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.probe.ProbeCredentials;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.probe.TicketOutcome;
import io.github.spndoctor.core.probe.TicketResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asking each DC's own KDC after a watch: which KDC is dialled (the DC's address from the probe's DNS, port 88, the
 * DC's realm), that an unreachable DC is not asked, and whose key each ticket carries by key version.
 */
class KdcCheckTest {
    static final AccountRef SVC = new AccountRef("CN=svc-web,CN=Users,DC=corp,DC=test", "svc-web", AccountKind.USER);
    static final AccountRef WEB = new AccountRef("CN=WEB,CN=Computers,DC=corp,DC=test", "WEB$", AccountKind.COMPUTER);
    static final Spn SPN = Spn.parse("HTTP/web.corp.test");
    static final Map<String, String> ADDRESSES = Map.of("dc1.corp.test", "10.0.0.1", "dc2.corp.test", "10.0.0.2",
            "dc3.corp.test", "10.0.0.3");

    final DemoDirectory demo = DemoDirectory.start();
    final Map<String, Integer> kvnos = new HashMap<>();
    /** What each KDC (by dialled address) issues: a key version, or null for a refusal. */
    final Map<String, Integer> issues = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() { demo.close(); }

    final DelegatingDirectory directory = new DelegatingDirectory(demo) {
        @Override
        public OptionalInt keyVersion(String dn) {
            Integer v = dn.equals(SVC.dn()) ? kvnos.get("svc") : dn.equals(WEB.dn()) ? kvnos.get("web") : null;
            return v == null ? OptionalInt.empty() : OptionalInt.of(v);
        }
    };

    final ProbeEnvironment base = new ProbeEnvironment() {
        @Override
        public KdcConfig kdc() { return KdcConfig.systemDefault(); }

        @Override
        public NameResolver resolver() {
            return new NameResolver() {
                @Override
                public List<String> addresses(String name) { return ADDRESSES.containsKey(name) ? List.of(ADDRESSES.get(name)) : List.of(); }

                @Override
                public Optional<String> cname(String name) { return Optional.empty(); }

                @Override
                public Optional<String> reverse(String address) { return Optional.empty(); }
            };
        }

        @Override
        public ProbeCredentials credentials() { return new ProbeCredentials.None(); }
    };

    TicketResult ticket(Spn spn, ProbeEnvironment env) {
        Map.Entry<String, List<InetSocketAddress>> kdc = env.kdc().kdcs().entrySet().iterator().next();
        InetSocketAddress a = kdc.getValue().get(0);
        asked.add(kdc.getKey() + " " + a.getHostString() + ":" + a.getPort() + " " + spn);
        Integer v = issues.get(a.getHostString());
        if (v == null) {
            return new TicketResult(TicketOutcome.PRINCIPAL_UNKNOWN, Optional.empty(), "", Optional.empty());
        }
        NegotiateToken t = new NegotiateToken(NegotiateToken.Kind.KERBEROS_AP_REQ, "SPNEGO", List.of(), Optional.of("CORP.TEST"),
                Optional.of(spn.toString()), OptionalLong.of(v), OptionalInt.of(18), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Map.of());
        return new TicketResult(TicketOutcome.ISSUED, Optional.of(t), "", Optional.of(new byte[] {1}));
    }

    static ConvergenceReport report() {
        List<DcStatus> dcs = new ArrayList<>();
        int n = 1;
        for (DcState st : DcState.values()) {
            DomainController dc = new DomainController("dc" + n + ".corp.test", "Site-" + n, "DC=corp,DC=test", false, "0" + n);
            dcs.add(new DcStatus(dc, st, n++, Optional.empty(), List.of(), ""));
        }
        return new ConvergenceReport(dcs, List.of(new Expectation(SVC, SPN, false)), Instant.now(), Instant.now(), "test");
    }

    @Test
    void eachAnsweringDcsKdcIsAsked_andTheTicketsKeyIsNamed() {
        kvnos.put("svc", 3);
        kvnos.put("web", 1);
        issues.put("10.0.0.1", 1);   // DC1 holds the change: the computer answers through HOST/
        issues.put("10.0.0.2", 3);   // DC2 is stale: still the service account
        List<KdcCheck.DcTicket> out = KdcCheck.run(report(), directory, List.of(WEB), base, this::ticket);

        assertEquals(List.of("CORP.TEST 10.0.0.1:88 " + SPN, "CORP.TEST 10.0.0.2:88 " + SPN), asked, "DC3 is unreachable: not asked");
        assertEquals(2, out.size());
        assertEquals(List.of("WEB$"), out.get(0).keyOf());
        assertTrue(out.get(0).words().startsWith("DC1's KDC issued a ticket for " + SPN + " with key version 1: WEB$'s key"), out.get(0).words());
        assertTrue(out.get(0).words().endsWith("The change is in effect on this DC's KDC."), out.get(0).words());
        assertEquals(List.of("svc-web"), out.get(1).keyOf());
        assertTrue(out.get(1).words().contains("svc-web's key, the account the SPN was removed from"), out.get(1).words());
        assertTrue(out.get(1).words().endsWith("until the change replicates there."), out.get(1).words());
    }

    @Test
    void equalKeyVersions_areNotAttributed_andARefusalIsSaidAsSuch() {
        kvnos.put("svc", 2);
        kvnos.put("web", 2);
        issues.put("10.0.0.2", 2);   // DC1 refuses
        List<KdcCheck.DcTicket> out = KdcCheck.run(report(), directory, List.of(WEB), base, this::ticket);
        assertTrue(out.get(0).words().startsWith("DC1's KDC gave no ticket for " + SPN + ": " + TicketOutcome.PRINCIPAL_UNKNOWN.words()),
                out.get(0).words());
        assertTrue(out.get(0).keyOf().isEmpty());
        assertEquals(2, out.get(1).keyOf().size(), out.get(1).toString());
        assertTrue(out.get(1).words().contains("cannot be told from the ticket"), out.get(1).words());
    }

    @Test
    void theRealmComesFromTheDcsDomain_andAnUnresolvedNameIsDialledAsItIs() {
        DomainController dc = new DomainController("dc9.sub.corp.test", "S", "DC=sub,DC=corp,DC=test", false, "");
        assertEquals("SUB.CORP.TEST", KdcCheck.realm(dc, base));
        InetSocketAddress a = KdcCheck.kdcAddress(dc, base);
        assertEquals("dc9.sub.corp.test", a.getHostString());
        assertEquals(KdcCheck.KDC_PORT, a.getPort());
    }
}
