package io.github.spndoctor.core.report;

import io.github.spndoctor.core.apply.ApplyListener;
import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.Journal;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.verify.Verifier;
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

class SessionReportTest {
    static DemoDirectory demo;
    static SessionReport full;

    @BeforeAll
    static void session(@TempDir Path home) throws Exception {
        demo = DemoDirectory.start();
        LookupResult l = demo.lookup(TargetName.parse("DYNAMICS-CRM"));
        Plan p = Remedies.plan("wsman-prefix", l, demo);
        PlanExecutor ex = new PlanExecutor(new AuditLog(home.resolve("audit.log")));
        Recheck rc = ex.recheck(demo, p);
        ApplyReport a = ex.apply(demo, rc.plan(), Journal.create(home, demo.info(), l.target(), rc.plan()), ApplyListener.NONE);
        full = SessionReport.start()
                .withSymptom("Enter-PSSession : Connecting to remote server DYNAMICS-CRM failed ... 0x80090322 <b>bold</b>")
                .withLookup(l, LookupClassifier.classify(l)).withPlan(p).withRecheck(rc).withApplied(a)
                .withVerified(Verifier.verify(demo, l.target(), "wsman-prefix", Optional.empty()));
    }

    @AfterAll
    static void stop() { demo.close(); }

    @Test
    void markdown_hasEverySectionInOrder() {
        String md = full.toMarkdown();
        int last = -1;
        for (String h : new String[] {"## Session", "## Symptom", "## Findings", "## Cause", "## Plan: ", "## Check before applying",
                "## Outcome", "## Verification"}) {
            int at = md.indexOf(h);
            assertTrue(at > last, h + " missing or out of order:\n" + md);
            last = at;
        }
        assertTrue(md.contains("http-spn-on-service-account"));
        assertTrue(md.contains("| 1 | Add WSMAN/DYNAMICS-CRM to DYNAMICS-CRM$ (computer) | applied |"), md);
        assertTrue(md.contains("\"spn\\_prefix\"=\"WSMAN\"") || md.contains("\"spn_prefix\"=\"WSMAN\""), md);
    }

    @Test
    void html_escapesEverythingThatCameFromOutside() {
        String html = SessionReport.start().withSymptom("<script>alert('x')</script> & \"q\"").toHtml();
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), html);
        String page = full.toHtml();
        assertTrue(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<h2>Verification</h2>"));
    }

    @Test
    void passwordsInThePastedText_areRemoved() {
        String s = SessionReport.start().withSymptom("$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force\n"
                + "ldapsearch -D admin -w S3cret-Pass\npassword=Letmein99 and Password: \"with space\"\n"
                + "The user name or password specified are invalid.").symptom();
        for (String secret : new String[] {"Hunter2!", "S3cret-Pass", "Letmein99", "with space"}) {
            assertFalse(s.contains(secret), secret + " leaked: " + s);
        }
        assertTrue(s.contains("The user name or password specified are invalid."), "ordinary text stays");
    }

    /** Every secret form the symptom parser blanks is blanked in the saved report too, in Markdown and HTML. */
    @Test
    void everySecretForm_isAbsentFromMarkdownAndHtml() {
        String secret = "Zq7Hunter2x";
        String basic = java.util.Base64.getEncoder().encodeToString(("CONTOSO\\bob:" + secret).getBytes());
        String ticket = "YIIHOgYGKwYBBQUCoIIHLjCCByqgMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYB" + secret;
        String text = String.join("\n",
                "Enter-PSSession : Connecting to remote server srv003.contoso.com failed 0x80090322",
                "ansible_password: " + secret,
                "ansible_winrm_password=" + secret,
                "net use \\\\srv\\c$ " + secret + " /user:DOM\\bob",
                "https://bob:" + secret + "@srv003.contoso.com:5986/wsman",
                "-Password (ConvertTo-SecureString '" + secret + "' -AsPlainText -Force)",
                "$cred = [pscredential]::new('DOM\\bob', '" + secret + "')",
                "Authorization: Basic " + basic,
                "Authorization: Negotiate " + ticket,
                "SPN HTTP/srv003.contoso.com:5985");
        SessionReport r = SessionReport.start().withSymptom(text);
        for (String page : List.of(r.toMarkdown(), r.toHtml())) {
            assertFalse(page.contains(secret) || page.contains(basic) || page.contains(ticket.substring(0, 30)), page);
            assertTrue(page.contains("0x80090322") && page.contains("HTTP/srv003.contoso.com:5985")
                    && page.contains("srv003.contoso.com failed"), page);
        }
    }

    @Test
    void hugePaste_isCutAndSaysSo() {
        String big = "x".repeat(10 * 1024 * 1024);
        String s = SessionReport.start().withSymptom(big).symptom();
        assertEquals(SessionReport.MAX_SYMPTOM, s.indexOf("\n[... "));
        assertTrue(s.endsWith((big.length() - SessionReport.MAX_SYMPTOM) + " more characters not included]"));
    }

    @Test
    void markdown_fenceSurvivesBackticksInTheSymptom() {
        String md = SessionReport.start().withSymptom("a ``` b").toMarkdown();
        assertTrue(md.contains("````\na ``` b\n````"), md);
    }
}
