package io.github.spndoctor.core.apply;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.ldap.LdapErrors;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.RemedySettings;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: every attempted write gets an audit line, failures included; demo writes go to the demo log. */
class AuditLogTest {
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    static final DirectoryInfo LIVE = new DirectoryInfo(false, "dc1.rwwilden01.local:636", "alice@rwwilden01.local", false);

    Plan portSpn() throws Exception {
        LookupResult l = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        return Remedies.plan(Remedies.PORT_SPN, l, demo, new RemedySettings(false));
    }

    @Test
    void aRefusedWrite_getsALine_withIdentityServerAccountValueAndResultCode() throws Exception {
        Plan p = portSpn();
        // a live DC that refuses the first write: insufficient access rights (LDAP 50)
        UndoCheckTest.Renamed refusing = new UndoCheckTest.Renamed(demo, LIVE) {
            @Override
            public void apply(SpnChange c) throws DirectoryException {
                throw LdapErrors.map(new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "00002098: SecErr"), "adding " + c.spn());
            }
        };
        AuditLog log = new AuditLog(home.resolve("audit.log"));
        Journal j = Journal.create(home.resolve("journals"), LIVE, TargetName.parse("srv003.rwwilden01.local"), p);
        ApplyReport r = new PlanExecutor(log).apply(refusing, p, j, ApplyListener.NONE);
        assertFalse(r.success());
        List<String> lines = Files.readAllLines(home.resolve("audit.log"));
        assertEquals(1, lines.size(), "one attempt, one line: " + lines);
        String[] f = lines.get(0).split("\t");
        assertTrue(f[0].matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), f[0]);
        assertEquals("failed", f[1]);
        assertEquals("add", f[2]);
        assertEquals(p.changes().get(0).spn().toString(), f[3]);
        assertEquals(p.changes().get(0).account().dn(), f[4]);
        assertEquals("by=alice@rwwilden01.local", f[5]);
        assertEquals("server=dc1.rwwilden01.local:636", f[6]);
        assertEquals("result=LDAP 50", f[7]);
        assertFalse(Files.exists(home.resolve("demo")), "a live write is not in the demo log");
    }

    @Test
    void aWriteThatGetsNoAnswer_getsALine_saysSo() throws Exception {
        Plan p = portSpn();
        UndoCheckTest.Renamed dead = new UndoCheckTest.Renamed(demo, LIVE) {
            @Override
            public void apply(SpnChange c) throws DirectoryException {
                throw new DirectoryException(DirectoryException.Kind.UNREACHABLE, "cut");
            }

            @Override
            public java.util.Optional<io.github.spndoctor.core.model.Account> readAccount(String dn) throws DirectoryException {
                throw new DirectoryException(DirectoryException.Kind.UNREACHABLE, "cut");
            }
        };
        AuditLog log = new AuditLog(home.resolve("audit.log"));
        Journal j = Journal.create(home.resolve("journals"), LIVE, TargetName.parse("srv003"), p);
        new PlanExecutor(log).apply(dead, p, j, ApplyListener.NONE);
        String line = Files.readString(home.resolve("audit.log"));
        assertTrue(line.contains("\tunknown\t") && line.contains("result=none (unreachable)"), line);
    }

    @Test
    void demoWrites_goToTheDemoLog_neverTheRealOne() throws Exception {
        Plan p = portSpn();
        AuditLog log = new AuditLog(home.resolve("audit.log"));
        Journal j = Journal.create(StatePaths.demoSibling(home.resolve("journals")), demo.info(), TargetName.parse("srv003"), p);
        ApplyReport r = new PlanExecutor(log).apply(demo, p, j, ApplyListener.NONE);
        assertTrue(r.success(), r.message());
        assertFalse(Files.exists(home.resolve("audit.log")));
        List<String> lines = Files.readAllLines(home.resolve("demo").resolve("audit.log"));
        assertEquals(p.changes().size(), lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\tapplied\t") && l.contains("result=0 success") && l.contains("(demo)")), lines.toString());
        assertEquals(home.resolve("demo").resolve("journals").toAbsolutePath(), j.file().toAbsolutePath().getParent());
    }
}
