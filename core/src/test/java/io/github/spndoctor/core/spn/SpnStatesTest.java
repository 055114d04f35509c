package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-SPN states for each modelled client and its settings, on the demo's hosts: what the client asks for decides. */
class SpnStatesTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    /**
     * For every client, seeded random settings and each demo host: the SPN the client asks for ({@link
     * SpnStates#asked}) is a problem exactly when nobody holds it and HOST/ does not answer for it; an SPN held by a
     * service account is a problem whoever asks; a WSMAN/ SPN nobody holds and this client does not ask for is a
     * warning, never a problem (without a CredSSP text).
     */
    @Test
    void whatTheClientAsksFor_decidesWhatIsNeeded() throws Exception {
        Random rnd = new Random(601);
        for (String host : List.of("srv003.rwwilden01.local", "wac01.contoso.com", "srv004.rwwilden01.local", "mem1.contoso.com", "DYNAMICS-CRM")) {
            LookupResult l = demo.lookup(TargetName.parse(host));
            for (WinrmClient c : WinrmClient.values()) {
                for (int i = 0; i < 4; i++) {
                    ClientSettings s = new ClientSettings(rnd.nextBoolean(), rnd.nextInt(3) == 0 ? Optional.of("WSMAN") : Optional.empty(),
                            Optional.empty(), true, true);
                    List<SpnState> states = SpnStates.of(l, c, s, false);
                    Spn asked = SpnStates.asked(l, c, s).orElseThrow();
                    String where = host + " / " + c.id() + " / " + s;
                    for (SpnState st : states) {
                        boolean nobody = st.holders().isEmpty();
                        boolean hostAnswers = st.spn().hasClass("HTTP") && st.spn().port().isEmpty()
                                && l.computer().orElseThrow().holds(Spn.of("HOST", st.spn().host()));
                        if (st.spn().key().equals(asked.key())) {
                            assertEquals(nobody && !hostAnswers, st.status() == SpnStatus.MISSING_NEEDED, where + ": " + st);
                        }
                        if (st.status() == SpnStatus.MISSING_NEEDED) {
                            assertTrue(st.spn().key().equals(asked.key()) || st.spn().hasClass("HOST"), where + ": " + st);
                        }
                        if (st.spn().hasClass("WSMAN") && nobody && !asked.hasClass("WSMAN")) {
                            assertEquals(SpnStatus.MISSING_NOT_NEEDED, st.status(), where + ": " + st);
                            assertTrue(st.status().warning() && !st.status().problem());
                        }
                        if (!nobody && st.holders().stream().anyMatch(h -> h.kind().isServiceAccount())) {
                            assertTrue(st.status().problem(), where + ": " + st);
                        }
                    }
                }
            }
        }
    }

    @Test
    void credSsp_needsBothWsmanForms_forAnyClient() throws Exception {
        LookupResult l = demo.lookup(TargetName.parse("wac01.contoso.com"));
        for (WinrmClient c : WinrmClient.values()) {
            List<SpnState> states = SpnStates.of(l, c, ClientSettings.DEFAULT, true);
            assertEquals(2, states.stream().filter(s -> s.spn().hasClass("WSMAN") && s.status() == SpnStatus.MISSING_NEEDED).count(), c.id());
            assertTrue(states.stream().filter(s -> s.status() == SpnStatus.MISSING_NEEDED).allMatch(s -> s.why().contains("CredSSP")));
        }
    }

    @Test
    void theServiceClass_followsThePrefixOnlyForClientsThatOfferIt() {
        assertEquals("WSMAN", ClientModel.serviceClass(WinrmClient.POWERSHELL, ClientSettings.DEFAULT.withSpnPrefix("wsman")));
        assertEquals("HTTP", ClientModel.serviceClass(WinrmClient.PWSH_LINUX, ClientSettings.DEFAULT.withSpnPrefix("WSMAN")));
        assertEquals("WSMAN", ClientModel.serviceClass(WinrmClient.PYPSRP, ClientSettings.DEFAULT));
        assertEquals("HOST", ClientModel.serviceClass(WinrmClient.ANSIBLE_PSRP, ClientSettings.DEFAULT));
    }
}
