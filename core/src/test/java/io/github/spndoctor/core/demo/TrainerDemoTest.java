package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.verify.TicketCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerDemoTest {
    @TempDir
    Path state;

    /** Applies a plan the way the CLI and the wizard do: recheck, journal in the demo's folder, demo audit log. */
    static ApplyReport apply(TrainerDemo demo, Plan plan, String target) throws Exception {
        PlanExecutor ex = demo.executor();
        Recheck rc = ex.recheck(demo.directory(), plan);
        assertTrue(rc.canApply(), rc.message());
        Journal j = Journal.create(demo.journals(), demo.directory().info(), TargetName.parse(target), rc.plan());
        ApplyReport r = ex.apply(demo.directory(), rc.plan(), j, new ApplyListener() { });
        assertTrue(r.success(), r.message());
        return r;
    }

    /** Breaks the demo the way the CLI and the wizard do: the repair session's plan, confirmation and commit. */
    static io.github.spndoctor.core.session.Commit breakIt(TrainerDemo demo, Path home, String id) throws Exception {
        DemoBreak b = Breaks.plan(demo, id, Optional.empty(), Optional.empty());
        var session = new io.github.spndoctor.core.session.RepairSession(demo.directory(),
                io.github.spndoctor.core.session.SessionConfig.under(home).withNames(Optional.empty()));
        session.planBreak(b);
        session.confirm();
        var c = session.commit(ApplyListener.NONE, Optional.empty());
        assertTrue(c.applied().orElseThrow().success(), c.recheck().message());
        return c;
    }

    @Test
    void everyBreakMakesTheTicketCheckFailAndItsJournalUndoesIt() throws Exception {
        try (TrainerDemo demo = TrainerDemo.open(state.resolve("demo"))) {
            Spn http = Spn.parse("HTTP/srv004.rwwilden01.local");
            TicketCheck first = demo.ticketProbe().requestTicket(http);
            assertEquals(TicketCheck.Outcome.ACCEPTED_BY_HOST, first.outcome(), first.answer());
            for (String id : java.util.List.of(Breaks.HIJACK_HTTP, Breaks.DUPLICATE)) {
                DemoBreak b = Breaks.plan(demo, id, Optional.empty(), Optional.empty());
                var r = breakIt(demo, state, id);
                assertTrue(r.journal().orElseThrow().startsWith(demo.journals()), "demo journals live apart");
                TicketCheck broken = demo.ticketProbe().requestTicket(http);
                assertEquals(id.equals(Breaks.DUPLICATE) ? TicketCheck.Outcome.NOT_FOUND : TicketCheck.Outcome.WRONG_ACCOUNT,
                        broken.outcome(), id + ": " + broken.answer());
                apply(demo, Journal.read(r.journal().orElseThrow()).undoPlan(), b.target());
                assertEquals(TicketCheck.Outcome.ACCEPTED_BY_HOST, demo.ticketProbe().requestTicket(http).outcome(), id + " undone");
            }
            assertTrue(Files.readString(demo.auditLog()).contains("srv004"), "the demo's own audit log has the writes");
            assertEquals(state.resolve("demo").resolve("audit.log"), demo.auditLog());
            assertFalse(Files.exists(state.resolve("audit.log")), "nothing in the real audit log");
        }
    }

    @Test
    void stateSurvivesARestartAndResetRestoresTheSeedByteForByte() throws Exception {
        String seed;
        try (TrainerDemo demo = TrainerDemo.open(state.resolve("demo"))) {
            seed = demo.export();
            assertFalse(demo.changedSinceSeed());
            breakIt(demo, state, Breaks.REMOVE_WSMAN);
            breakIt(demo, state, Breaks.CNAME);
            assertNotEquals(seed, demo.export());
        }
        String broken;
        try (TrainerDemo again = TrainerDemo.open(state.resolve("demo"))) {
            assertTrue(again.changedSinceSeed(), "the break is still there after a restart");
            assertTrue(again.directory().lookup(TargetName.parse("srv004.rwwilden01.local")).computer().orElseThrow()
                    .spns().stream().noneMatch(s -> s.hasClass("WSMAN")));
            assertEquals(Breaks.DEFAULT_ALIAS_TARGET, again.dns().canonical(Breaks.DEFAULT_ALIAS));
            broken = again.export();
            again.reset();
            assertEquals(seed, again.export(), "reset gives the seed back exactly");
        }
        assertNotEquals(seed, broken);
        try (TrainerDemo fresh = TrainerDemo.open(state.resolve("demo"))) {
            assertEquals(seed, fresh.export(), "and the reset is what the next run sees");
        }
    }

    @Test
    void aHostileStateFileIsRefusedAndTheSeedIsUsed() throws Exception {
        String seed;
        try (TrainerDemo demo = TrainerDemo.open(state.resolve("other").resolve("demo"))) {
            seed = demo.export();
        }
        Files.createDirectories(state.resolve("demo"));
        Files.writeString(state.resolve("demo").resolve(TrainerDemo.DIRECTORY_FILE), "dn: this is not ldif\n\u0000garbage: '); DROP\n",
                StandardCharsets.UTF_8);
        try (TrainerDemo demo = TrainerDemo.open(state.resolve("demo"))) {
            assertTrue(demo.loadProblem().isPresent());
            assertEquals(seed, demo.export());
        }
    }

    /** Loopback only, ports the system chose, nothing left listening once the demo is closed. */
    @Test
    void theKdcsAndWinrmHostsListenOnLoopbackOnly_andStopWithTheDemo() throws Exception {
        java.util.List<java.net.InetSocketAddress> listening = new java.util.ArrayList<>();
        try (TrainerDemo demo = TrainerDemo.unsaved(state.resolve("demo"), io.github.spndoctor.core.directory.demo.DemoDirectory.start())) {
            DemoKerberos k = demo.kerberos();
            k.realms().forEach(r -> listening.add(k.kdcAddress(r)));
            listening.add(k.winrmAddress());
            for (java.net.InetSocketAddress a : listening) {
                assertTrue(a.getAddress().isLoopbackAddress(), a.toString());
                try (java.net.Socket s = new java.net.Socket(a.getAddress(), a.getPort())) {
                    assertTrue(s.isConnected(), a + " listens while the demo runs");
                }
            }
        }
        for (java.net.InetSocketAddress a : listening) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(a, 1000);
                org.junit.jupiter.api.Assertions.fail(a + " still listens after the demo was closed");
            } catch (java.net.ConnectException expected) {
                // stopped with the demo
            }
        }
    }
}
