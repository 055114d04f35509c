package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.SpnStatus;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.symptom.CommonSymptom;
import io.github.spndoctor.core.verify.VerifyResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepairSessionTest {
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    RepairSession session(String host, CommonSymptom text) throws Exception {
        RepairSession s = new RepairSession(demo, new SessionConfig(home.resolve("journals"), new AuditLog(home.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, io.github.spndoctor.core.remedy.RemedySettings.DEFAULT));
        s.describe(text == null ? "" : text.text(), TargetName.parse(host));
        s.lookup();
        return s;
    }

    /** The verdict's "check next" lines name the real host: no catalogue placeholder is left for any demo host or text. */
    @Test
    void nextChecks_nameTheRealHost_neverAPlaceholder() throws Exception {
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("<(name|fqdn|FQDN|host|server|short|short name|name as typed|alias|computer)>");
        for (String host : java.util.List.of("srv003.rwwilden01.local", "srv004.rwwilden01.local", "DYNAMICS-CRM", "mem1.kimconnect.com",
                "wac01.contoso.com", "nosuchhost.rwwilden01.local")) {
            for (CommonSymptom text : CommonSymptom.values()) {
                RepairSession s = session(host, text);
                for (String check : s.assess().verdict().nextChecks()) {
                    assertFalse(placeholder.matcher(check).find(), host + " / " + text + ": " + check);
                }
            }
        }
    }

    @Test
    void srv004_isHealthy_withNothingRecommended() throws Exception {
        RepairSession s = session("srv004.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR);
        Assessment a = s.assess();
        assertEquals(HostVerdict.Kind.HEALTHY, a.verdict().kind(), a.verdict().sentence());
        assertTrue(a.verdict().sentence().startsWith("No SPN problem found for srv004.rwwilden01.local: PowerShell asks for "
                + "HTTP/srv004.rwwilden01.local, and its computer account SRV004$ answers it through HOST/."), a.verdict().sentence());
        // the text carries 0x80090322: the healthy verdict says where it comes from instead
        assertEquals(HostVerdict.Caveat.LOOK_ELSEWHERE, a.verdict().caveat());
        assertTrue(a.verdict().sentence().contains("so 0x80090322 most likely comes from elsewhere"), a.verdict().sentence());
        assertFalse(a.verdict().nextChecks().isEmpty());
        assertTrue(a.spns().stream().noneMatch(x -> x.status().problem()), a.spns().toString());
        assertTrue(a.spns().stream().anyMatch(x -> x.status() == SpnStatus.OPTIONAL_ABSENT && x.spn().port().isPresent()));
        List<RemedyOption> options = s.remedies();
        assertTrue(options.stream().noneMatch(RemedyOption::recommended), options.toString());
        assertTrue(options.stream().filter(RemedyOption::needsDirectoryWrite).noneMatch(o -> o.applicable()
                && (o.id().equals(Remedies.REMOVE_SPN) || o.id().equals(Remedies.PORT_SPN))));
    }

    @Test
    void srv003_withServerManager_recommendsRemoveSpnFirst_andPortSpnsDoNotApply() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local", CommonSymptom.SERVER_MANAGER_REFRESH);
        assertEquals(HostVerdict.Kind.PROBLEM, s.assess().verdict().kind());
        List<RemedyOption> options = s.remedies();
        assertEquals(Remedies.REMOVE_SPN, options.get(0).id());
        assertTrue(options.get(0).recommended());
        RemedyOption port = options.stream().filter(o -> o.id().equals(Remedies.PORT_SPN)).findFirst().orElseThrow();
        assertFalse(port.applicable());
        assertTrue(port.why().contains("Server Manager cannot ask for a port SPN"), port.why());
        assertEquals(1, options.stream().filter(RemedyOption::recommended).count());
    }

    @Test
    void srv003_withPowerShell_stillOffersPortSpns() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR);
        RemedyOption port = s.remedies().stream().filter(o -> o.id().equals(Remedies.PORT_SPN)).findFirst().orElseThrow();
        assertTrue(port.applicable(), port.why());
        assertTrue(port.fitsCause(), "port SPNs fix the SPN on the service account too");
        java.util.Map<String, RemedyOption> byId = new java.util.HashMap<>();
        s.remedies().forEach(o -> byId.put(o.id(), o));
        assertTrue(byId.get(Remedies.REMOVE_SPN).fitsCause());
        assertTrue(byId.get(Remedies.CREDSSP).applicable() && !byId.get(Remedies.CREDSSP).fitsCause(), "CredSSP is for another cause");
        assertTrue(byId.get(Remedies.TIME_SYNC).applicable() && !byId.get(Remedies.TIME_SYNC).fitsCause());
    }

    @Test
    void wac01_withTheCredSspPolicyText_recommendsCredSsp() throws Exception {
        RepairSession s = session("wac01.contoso.com", CommonSymptom.CREDSSP_POLICY);
        List<RemedyOption> options = s.remedies();
        assertEquals(Remedies.CREDSSP, options.get(0).id(), options.toString());
        assertTrue(options.get(0).recommended());
    }

    @Test
    void everyRemedyIsListed_andNoCredSspOrTrustedHostsIsRecommendedUnlessTheEvidenceSaysSo() throws Exception {
        for (String host : List.of("srv003.rwwilden01.local", "DYNAMICS-CRM", "mem1.contoso.com", "wac01.contoso.com",
                "srv004.rwwilden01.local", "nosuchhost.contoso.com", "10.0.0.5")) {
            for (CommonSymptom text : CommonSymptom.values()) {
                RepairSession s = session(host, text);
                List<RemedyOption> options = s.remedies();
                assertEquals(Set.copyOf(Remedies.ALL_IDS), Set.copyOf(options.stream().map(RemedyOption::id).toList()), host);
                assertTrue(options.stream().allMatch(o -> !o.why().isBlank() && !o.risk().isBlank()), host + " " + text);
                HostVerdict v = s.assess().verdict();
                for (RemedyOption o : options) {
                    if (o.recommended() && (o.id().equals(Remedies.CREDSSP) || o.id().equals(Remedies.TRUSTEDHOSTS))) {
                        assertTrue(text == CommonSymptom.CREDSSP_POLICY || !TargetName.parse(host).isDnsName(),
                                host + " " + text + ": " + o.id() + " recommended on " + v);
                    }
                    assertFalse(o.recommended() && !o.applicable(), o.toString());
                }
                if (v.kind() != HostVerdict.Kind.PROBLEM) {
                    assertTrue(options.stream().noneMatch(RemedyOption::recommended), host + " " + text);
                }
                if (!options.isEmpty() && options.stream().anyMatch(RemedyOption::recommended)) {
                    assertTrue(options.get(0).recommended(), "recommended first");
                }
                // grouped: recommended, the others for the same cause, those for other causes, those that do not apply
                java.util.function.ToIntFunction<RemedyOption> group = o -> o.recommended() ? 0 : o.fitsCause() ? 1 : o.applicable() ? 2 : 3;
                for (int i = 1; i < options.size(); i++) {
                    assertTrue(group.applyAsInt(options.get(i - 1)) <= group.applyAsInt(options.get(i)), host + " " + text + ": " + options);
                }
                for (RemedyOption o : options) {
                    // the main text names remedies in words: an id (remove-spn, port-spn, ...) belongs in details and JSON
                    for (String id : Remedies.ALL_IDS) {
                        if (id.contains("-")) {
                            String words = o.title() + " " + o.description() + " " + o.why() + " " + o.risk();
                            assertFalse(words.contains(id), host + " " + text + ": " + o.id() + " names " + id + ": " + words);
                        }
                    }
                    assertTrue(!o.fitsCause() || o.applicable(), o.id());
                    assertTrue(!o.recommended() || o.fitsCause(), o.id());
                    assertTrue(v.kind() == HostVerdict.Kind.PROBLEM || !o.fitsCause(), host + " " + text + ": " + o.id() + " on " + v.kind());
                }
            }
        }
    }

    @Test
    void unknownHost_isUnknown_andIpAddress_pointsAtTheName() throws Exception {
        RepairSession unknown = session("nosuchhost.contoso.com", CommonSymptom.UNKNOWN_SECURITY_ERROR);
        assertEquals(HostVerdict.Kind.UNKNOWN, unknown.assess().verdict().kind(), unknown.assess().verdict().sentence());
        RepairSession ip = session("10.0.0.5", CommonSymptom.IP_ADDRESS);
        assertEquals(HostVerdict.Kind.PROBLEM, ip.assess().verdict().kind());
        assertEquals(Remedies.USE_FQDN, ip.remedies().get(0).id());
    }

    @Test
    void apply_check_undo_check_inOrder_andTheConflictIsBack() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR);
        s.plan(Remedies.REMOVE_SPN);
        s.confirm();
        Commit fix = s.commit(null, Optional.empty());
        assertTrue(fix.wrote());
        String afterFix = s.report().toMarkdown();
        assertTrue(afterFix.contains("http-spn-on-service-account") && afterFix.contains("| wrong-account |"),
                "the report's findings are the state the fix was planned on: " + afterFix);
        assertEquals(VerifyResult.Verdict.FIXED, fix.check().orElseThrow().verdict(), fix.check().get().summary());
        assertTrue(fix.journal().isPresent());
        s.planUndo();
        s.confirm();
        Commit undo = s.commit(null, Optional.empty());
        VerifyResult after = undo.check().orElseThrow();
        assertEquals(VerifyResult.Verdict.UNDONE, after.verdict(), after.summary());
        assertTrue(after.findings().stream().anyMatch(f -> f.startsWith("Now: HTTP/srv003.rwwilden01.local is held by")), after.findings().toString());
        VerifyResult again = s.check();
        assertEquals(VerifyResult.Verdict.UNDONE, again.verdict());
        assertTrue(s.assess().spns().stream().anyMatch(x -> x.status() == SpnStatus.WRONG_ACCOUNT));
        List<TimelineEntry.Kind> kinds = s.timeline().stream().map(TimelineEntry::kind)
                .filter(k -> k != TimelineEntry.Kind.CONFIRM && k != TimelineEntry.Kind.RECHECK && k != TimelineEntry.Kind.SYMPTOM
                        && k != TimelineEntry.Kind.DIAGNOSIS).toList();
        assertEquals(List.of(TimelineEntry.Kind.LOOKUP, TimelineEntry.Kind.PLAN, TimelineEntry.Kind.APPLY, TimelineEntry.Kind.CHECK,
                TimelineEntry.Kind.PLAN, TimelineEntry.Kind.UNDO, TimelineEntry.Kind.CHECK, TimelineEntry.Kind.CHECK), kinds);
        String md = s.report().toMarkdown();
        int apply = md.indexOf("Apply - Applied 1 of 1 change");
        int check = md.indexOf("Check - Check: fixed");
        int undone = md.indexOf("Undo - Undid 1 of 1 change");
        int checkAfter = md.indexOf("Check - Check after undo: undone");
        assertTrue(apply > 0 && apply < check && check < undone && undone < checkAfter, md);
        assertFalse(md.contains("NOT fixed"), md);
        // the findings are those the diagnosis was made on, not the state after the fix
        assertTrue(md.contains("http-spn-on-service-account"), md);
        assertTrue(md.contains("svc-srv003-web$"), md);
    }

    @Test
    void theRecheckHappensAtTheCommit_notWhenThePlanWasShown() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR);
        var p = s.plan(Remedies.REMOVE_SPN);
        s.confirm();
        for (SpnChange c : p.changes()) {
            demo.apply(c); // another administrator does it between confirmation and commit
        }
        Commit c = s.commit(null, Optional.empty());
        assertFalse(c.recheck().canApply(), c.recheck().message());
        assertTrue(c.applied().isEmpty());
        assertFalse(s.wroteToDirectory());
    }

    @Test
    void guidanceOnlyRemedies_neverReportFixed() throws Exception {
        for (String id : List.of(Remedies.TEMPORARY_RESET, Remedies.TIME_SYNC, Remedies.SECURE_CHANNEL, Remedies.TRUSTEDHOSTS)) {
            RepairSession s = session("srv003.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR);
            var plan = s.plan(id);
            VerifyResult v = io.github.spndoctor.core.remedy.Verifier.verify(demo, TargetName.parse("srv003.rwwilden01.local"), plan, Optional.empty());
            assertEquals(VerifyResult.Verdict.GUIDANCE, v.verdict(), id);
            assertFalse(v.toDo().isEmpty(), id);
        }
    }

    @Test
    void startOver_keepsTheConnection_andForgetsTheHost() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local", CommonSymptom.UNKNOWN_SECURITY_ERROR);
        s.startOver();
        assertTrue(s.target().isEmpty());
        assertTrue(s.lastLookup().isEmpty());
        assertTrue(s.timeline().isEmpty());
        s.describe("", TargetName.parse("srv004.rwwilden01.local"));
        assertEquals(Spn.parse("HOST/SRV004").toString().toLowerCase(), "host/srv004");
        assertTrue(s.lookup().computer().isPresent());
    }

    /** Text read ahead (off a UI thread) describes a host exactly as the raw text does: the same redacted text,
     *  symptom and timeline, and no secret in any of them. */
    @Test
    void describe_withTextReadAhead_isTheSameAsWithTheRawText() throws Exception {
        String raw = CommonSymptom.UNKNOWN_SECURITY_ERROR.text() + "\nnet use Z: \\\\srv003\\share /user:CONTOSO\\bob Zq7-Hunter2!x";
        TargetName host = TargetName.parse("srv003.rwwilden01.local");
        RepairSession direct = session("srv004.rwwilden01.local", null);
        direct.describe(raw, host, List.of());
        RepairSession ahead = session("srv004.rwwilden01.local", null);
        io.github.spndoctor.core.symptom.PastedText pasted = io.github.spndoctor.core.symptom.PastedText.read(raw);
        ahead.describe(pasted, host, List.of());
        assertEquals(direct.symptomText(), ahead.symptomText());
        assertEquals(direct.symptom(), ahead.symptom());
        java.util.function.Function<RepairSession, List<String>> steps = r -> r.timeline().stream()
                .map(e -> e.kind() + " " + e.title() + " " + e.detail()).toList();
        assertEquals(steps.apply(direct), steps.apply(ahead));
        assertFalse(ahead.symptomText().contains("Zq7-Hunter2!x"), ahead.symptomText());
        assertTrue(ahead.symptomText().contains("0x80090322"), ahead.symptomText());
        assertTrue(ahead.lastLookup().isEmpty(), "a describe forgets the lookup of the host before");
    }
}
