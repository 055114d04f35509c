package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.verify.CommandRunner;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.TicketCheck;
import io.github.spndoctor.core.verify.ToolKerberosProbe;
import io.github.spndoctor.core.verify.VerifyResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifierTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    static final TargetName SRV003 = TargetName.parse("srv003.rwwilden01.local");

    private static void fixByRemoving() throws Exception {
        for (SpnChange c : Remedies.plan("remove-spn", demo.lookup(SRV003), demo).changes()) {
            demo.apply(c);
        }
    }

    @Test
    void beforeTheFix_notFixed_afterIt_fixed() throws Exception {
        VerifyResult before = Verifier.verify(demo, SRV003, "remove-spn", Optional.empty());
        assertEquals(VerifyResult.Verdict.NOT_FIXED, before.verdict());
        assertTrue(before.findings().stream().anyMatch(f -> f.startsWith("HTTP/srv003.rwwilden01.local: still wrong")), before.findings().toString());
        fixByRemoving();
        VerifyResult after = Verifier.verify(demo, SRV003, "remove-spn", Optional.empty());
        assertEquals(VerifyResult.Verdict.FIXED, after.verdict(), after.summary());
        assertTrue(after.causes().isEmpty());
        assertTrue(after.reminders().get(0).contains("klist purge"));
        assertTrue(after.findings().stream().anyMatch(f -> f.startsWith("No Kerberos ticket check")));
    }

    @Test
    void portSpn_isJudgedByThePortSpns_notByTheUnchangedHttpSpn() throws Exception {
        assertEquals(VerifyResult.Verdict.NOT_FIXED, Verifier.verify(demo, SRV003, "port-spn", Optional.empty()).verdict());
        for (SpnChange c : Remedies.plan("port-spn", demo.lookup(SRV003), demo).changes()) {
            demo.apply(c);
        }
        VerifyResult r = Verifier.verify(demo, SRV003, "port-spn", Optional.empty());
        assertEquals(VerifyResult.Verdict.STEPS_REMAIN, r.verdict(), r.summary());
        assertTrue(r.toDo().stream().anyMatch(x -> x.contains("-IncludePortInSPN")), r.toDo().toString());
    }

    @Test
    void kerberosSaysWrongAccount_overridesTheDirectory() throws Exception {
        fixByRemoving();
        List<Spn> asked = new ArrayList<>();
        KerberosProbe stale = spn -> {
            asked.add(spn);
            return new TicketCheck(spn, TicketCheck.Outcome.WRONG_ACCOUNT, "kvno: Wrong principal in request", "x");
        };
        VerifyResult r = Verifier.verify(demo, SRV003, "remove-spn", Optional.of(stale));
        assertEquals(VerifyResult.Verdict.NOT_FIXED, r.verdict());
        assertEquals(List.of(Spn.parse("HTTP/srv003.rwwilden01.local")), asked);
    }

    @Test
    void theSpnAskedFor_followsTheRemedy() {
        assertEquals("HTTP/srv003.rwwilden01.local:5985", Verifier.winrmSpn(SRV003, "port-spn").toString());
        assertEquals("WSMAN/srv003.rwwilden01.local", Verifier.winrmSpn(SRV003, "wsman-prefix").toString());
        assertEquals("HTTP/srv003.rwwilden01.local", Verifier.winrmSpn(SRV003, "remove-spn").toString());
    }

    @Test
    void failedLookup_isUnknown_neverFixed() {
        var dead = new io.github.spndoctor.core.directory.Directory() {
            public io.github.spndoctor.core.model.DirectoryInfo info() { return demo.info(); }
            public io.github.spndoctor.core.lookup.LookupResult lookup(TargetName t) throws DirectoryException {
                throw new DirectoryException(DirectoryException.Kind.UNREACHABLE, "The domain controller cannot be reached.");
            }
            public List<io.github.spndoctor.core.model.Account> findHolders(Spn s) { return List.of(); }
            public Optional<io.github.spndoctor.core.model.Account> readAccount(String dn) { return Optional.empty(); }
            public void apply(SpnChange c) { }
            public void close() { }
        };
        VerifyResult r = Verifier.verify(dead, SRV003, "remove-spn", Optional.empty());
        assertEquals(VerifyResult.Verdict.UNKNOWN, r.verdict());
        assertTrue(r.findings().get(0).contains("cannot be reached"));
    }
}
