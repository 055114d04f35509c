package io.github.spndoctor.core.apply;

import com.unboundid.ldap.sdk.LDAPConnection;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.remedy.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole session over a connection bound with a recognisable fake password: fix, journal, audit log, verify, report,
 * undo. The password must appear in no file written and no text produced.
 */
class SecretsTest {
    static final String FAKE = "Fake-Bind-Pa55word-7f3e";
    @TempDir
    Path home;

    @Test
    void bindPassword_appearsInNoJournalLogOrReport() throws Exception {
        try (DemoDirectory demo = DemoDirectory.start()) {
            String aliceDn = "CN=Alice Admin,CN=Users,DC=rwwilden01,DC=local";
            demo.server().add("dn: " + aliceDn, "objectClass: top", "objectClass: person", "cn: Alice Admin", "sn: Admin",
                    "userPassword: " + FAKE);
            LDAPConnection conn = new LDAPConnection("127.0.0.1", demo.port());
            conn.bind(aliceDn, FAKE);
            try (LDAPConnection wrong = new LDAPConnection("127.0.0.1", demo.port())) {
                org.junit.jupiter.api.Assertions.assertThrows(com.unboundid.ldap.sdk.LDAPException.class,
                        () -> wrong.bind(aliceDn, "not-the-password"), "the bind really checks the password");
            }
            DirectoryInfo info = new DirectoryInfo(false, "ldap://127.0.0.1:" + demo.port(), "alice@rwwilden01.local", false);
            try (LdapDirectory dir = new LdapDirectory(conn, "", conn, info, 10, conn::close)) {
                TargetName t = TargetName.parse("srv003.rwwilden01.local");
                LookupResult l = dir.lookup(t);
                Plan plan = Remedies.plan("remove-spn", l, dir);
                PlanExecutor ex = new PlanExecutor(new AuditLog(home.resolve("audit.log")));
                Recheck rc = ex.recheck(dir, plan);
                Journal j = Journal.create(home.resolve("journals"), dir.info(), l.target(), rc.plan());
                ApplyReport applied = ex.apply(dir, rc.plan(), j, ApplyListener.NONE);
                assertTrue(applied.success(), applied.message());
                Plan undo = Journal.read(j.file()).undoPlan();
                ApplyReport undone = ex.apply(dir, undo, Journal.create(home.resolve("journals"), dir.info(), l.target(), undo), ApplyListener.NONE);
                assertTrue(undone.success(), undone.message());
                SessionReport report = SessionReport.start().withSymptom("0x80090322").withLookup(l, LookupClassifier.classify(l))
                        .withPlan(plan).withRecheck(rc).withApplied(applied)
                        .withVerified(Verifier.verify(dir, t, "remove-spn", Optional.empty())).withUndone(undone);
                Files.writeString(home.resolve("report.md"), report.toMarkdown());
                Files.writeString(home.resolve("report.html"), report.toHtml());

                List<String> texts = List.of(report.toMarkdown(), report.toHtml(), report.toString(), info.toString(), info.banner(),
                        j.toString(), applied.toString(), rc.toString(), dir.info().toString());
                for (String s : texts) {
                    assertFalse(s.contains(FAKE), "password in: " + s);
                }
                long files;
                try (Stream<Path> all = Files.walk(home)) {
                    List<Path> list = all.filter(Files::isRegularFile).toList();
                    files = list.size();
                    for (Path p : list) {
                        String content = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                        assertFalse(content.contains(FAKE), "password in " + p);
                        assertTrue(content.contains("alice@rwwilden01.local") || p.getFileName().toString().startsWith("report"),
                                "the bound identity (not the password) is recorded in " + p);
                    }
                }
                assertEquals(5, files, "2 journals, audit log, 2 reports");
            }
        }
    }
}
