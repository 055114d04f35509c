package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemediesTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    private static LookupResult lookup(String name) throws Exception {
        return demo.lookup(TargetName.parse(name));
    }

    private static Map<String, RemedyOption> options(String name) throws Exception {
        return Remedies.allOptions(lookup(name)).stream().collect(Collectors.toMap(RemedyOption::id, Function.identity()));
    }

    private static List<String> texts(Plan p) {
        return p.changes().stream().map(c -> (c instanceof SpnChange.Add ? "+" : "-") + c.spn() + "@" + c.account().samAccountName()).toList();
    }

    @Test
    void options_coverEveryRemedyId_onceEach() throws Exception {
        List<RemedyOption> all = Remedies.options(lookup("srv003.rwwilden01.local"));
        assertEquals(Remedies.IDS, all.stream().map(RemedyOption::id).toList());
        assertEquals(Remedies.ALL_IDS, Remedies.allOptions(lookup("srv003.rwwilden01.local")).stream().map(RemedyOption::id).toList());
        assertEquals(1, all.stream().filter(RemedyOption::recommended).count());
    }

    @Test
    void options_srv003_conflictMakesTheThreeFixesApplicable() throws Exception {
        Map<String, RemedyOption> o = options("srv003.rwwilden01.local");
        assertTrue(o.get("remove-spn").applicable());
        assertTrue(o.get("remove-spn").recommended());
        assertTrue(o.get("port-spn").applicable());
        assertTrue(o.get("wsman-prefix").applicable());
        assertFalse(o.get("wsman-prefix").needsDirectoryWrite(), "SRV003 already holds WSMAN/ SPNs");
        assertTrue(o.get("move-spn-to-computer").applicable());
        assertTrue(o.get("temporary-reset").applicable());
        assertFalse(o.get("temporary-reset").recommended());
        assertTrue(o.get("temporary-reset").why().startsWith("Not recommended"));
        assertFalse(o.get("trustedhosts").applicable());
    }

    @Test
    void options_healthyHost_offersNoSpnFix() throws Exception {
        Map<String, RemedyOption> o = options("srv004.rwwilden01.local");
        assertFalse(o.get("remove-spn").applicable());
        assertFalse(o.get("remove-spn").whyNot().isEmpty());
        assertFalse(o.get("port-spn").applicable());
        assertFalse(o.get("move-spn-to-computer").applicable());
        assertEquals(0, o.values().stream().filter(RemedyOption::recommended).count());
    }

    @Test
    void options_ipAddress_offersTrustedHostsAndName() throws Exception {
        Map<String, RemedyOption> o = options("10.1.2.3");
        assertTrue(o.get("trustedhosts").applicable());
        assertTrue(o.get("use-fqdn").applicable());
        assertTrue(o.get("use-fqdn").recommended());
        assertFalse(o.get("remove-spn").applicable());
        assertFalse(o.get("port-spn").applicable());
    }

    @Test
    void removeSpn_dynamicsCrm_removesBothFormsAndWarnsAboutDelegation() throws Exception {
        Plan p = Remedies.plan("remove-spn", lookup("DYNAMICS-CRM"), demo);
        assertEquals(List.of("-http/DYNAMICS-CRM@crmIisPoolServiceAccount",
                "-http/DYNAMICS-CRM.kimconnect.com@crmIisPoolServiceAccount"), texts(p));
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("crmAsyncService (user) is allowed to delegate to http/DYNAMICS-CRM ")),
                p.warnings().toString());
        assertEquals(1, p.basis().size());
        assertEquals(2, p.basis().get(0).spns().size());
    }

    @Test
    void removeSpn_keepsTheHoldersOtherSpnsAndSaysSo() throws Exception {
        Plan p = Remedies.plan("remove-spn", lookup("mem1.contoso.com"), demo);
        assertEquals(List.of("-HTTP/Mem1.contoso.com@svc-webapp", "-HTTP/Mem1@svc-webapp"), texts(p));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("keeps its other SPNs: HTTP/intranet.contoso.com")), p.warnings().toString());
    }

    @Test
    void removeSpn_duplicate_removesFromEveryHolderAndExplainsUndoLimit() throws Exception {
        Plan p = Remedies.plan("remove-spn", lookup("app01.contoso.com"), demo);
        assertEquals(List.of("-HTTP/app01.contoso.com@svc-app01", "-HTTP/app01.contoso.com@svc-app01-old"), texts(p));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("more than one account")));
    }

    @Test
    void removeSpn_otherComputer_warnsToCheckItIsRetired() throws Exception {
        Plan p = Remedies.plan("remove-spn", lookup("web05.contoso.com"), demo);
        assertTrue(texts(p).contains("-HTTP/web05.contoso.com@OLDWEB05$"), texts(p).toString());
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("OLDWEB05$ (computer) is another computer")));
    }

    @Test
    void removeSpn_healthyHost_isNotApplicable() throws Exception {
        NotApplicableException e = assertThrows(NotApplicableException.class,
                () -> Remedies.plan("remove-spn", lookup("srv004.rwwilden01.local"), demo));
        assertTrue(e.getMessage().startsWith("Nothing to remove"));
    }

    @Test
    void portSpn_addsShortAndFqdnForms_andClientOption() throws Exception {
        Plan p = Remedies.plan("port-spn", lookup("srv003.rwwilden01.local"), demo);
        assertEquals(List.of("+HTTP/srv003:5985@SRV003$", "+HTTP/srv003.rwwilden01.local:5985@SRV003$"), texts(p));
        assertTrue(p.clientSteps().get(0).script().contains("-IncludePortInSPN"));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("Server Manager, Windows Admin Center")));
    }

    @Test
    void portSpn_https_addsThe5986FormsToo() throws Exception {
        Plan p = Remedies.plan("port-spn", lookup("srv003.rwwilden01.local"), demo, new RemedySettings(true));
        assertEquals(4, p.changes().size());
        assertTrue(texts(p).contains("+HTTP/srv003.rwwilden01.local:5986@SRV003$"));
    }

    @Test
    void portSpn_valueHeldElsewhere_isRemovedThereFirst() throws Exception {
        demo.apply(new SpnChange.Add(lookup("srv003.rwwilden01.local").registration(Spn.parse("HTTP/srv003.rwwilden01.local"))
                .orElseThrow().holders().get(0), Spn.parse("HTTP/srv003:5985")));
        Plan p = Remedies.plan("port-spn", lookup("srv003.rwwilden01.local"), demo);
        assertEquals(List.of("-HTTP/srv003:5985@svc-srv003-web$", "+HTTP/srv003:5985@SRV003$",
                "+HTTP/srv003.rwwilden01.local:5985@SRV003$"), texts(p));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("a domain controller refuses a second holder")));
    }

    @Test
    void portSpn_protectedHolder_isRefused() throws Exception {
        // a DC holding the very value is never stripped of it
        demo.setUniquenessCheck(false);
        try {
            demo.apply(new SpnChange.Add(new io.github.spndoctor.core.model.AccountRef(
                    "CN=SRV001,CN=Domain Controllers,DC=rwwilden01,DC=local", "SRV001$",
                    io.github.spndoctor.core.model.AccountKind.COMPUTER), Spn.parse("HTTP/srv003:5985")));
        } finally {
            demo.setUniquenessCheck(true);
        }
        NotApplicableException e = assertThrows(NotApplicableException.class,
                () -> Remedies.plan("port-spn", lookup("srv003.rwwilden01.local"), demo));
        assertTrue(e.getMessage().contains("domain controller"), e.getMessage());
    }

    @Test
    void wsmanPrefix_dynamicsCrm_addsWsmanSpnsAndRegistryStep() throws Exception {
        Plan p = Remedies.plan("wsman-prefix", lookup("DYNAMICS-CRM"), demo);
        assertEquals(List.of("+WSMAN/DYNAMICS-CRM@DYNAMICS-CRM$", "+WSMAN/DYNAMICS-CRM.kimconnect.com@DYNAMICS-CRM$"), texts(p));
        assertTrue(p.clientSteps().stream().anyMatch(s -> s.language().equals("reg") && s.script().contains("\"spn_prefix\"=\"WSMAN\"")));
    }

    @Test
    void wsmanPrefix_srv003_alreadyHasWsman_onlyClientSteps() throws Exception {
        Plan p = Remedies.plan("wsman-prefix", lookup("srv003.rwwilden01.local"), demo);
        assertTrue(p.changes().isEmpty());
        assertFalse(p.clientSteps().isEmpty());
    }

    @Test
    void move_removesFromServiceAccountBeforeAddingToComputer() throws Exception {
        Plan p = Remedies.plan("move-spn-to-computer", lookup("DYNAMICS-CRM"), demo);
        assertEquals(List.of("-http/DYNAMICS-CRM@crmIisPoolServiceAccount", "-http/DYNAMICS-CRM.kimconnect.com@crmIisPoolServiceAccount",
                "+HTTP/DYNAMICS-CRM@DYNAMICS-CRM$", "+HTTP/DYNAMICS-CRM.kimconnect.com@DYNAMICS-CRM$"), texts(p));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("group memberships")));
    }

    @Test
    void temporaryReset_isShownButNeverWrites() throws Exception {
        Plan p = Remedies.plan("temporary-reset", lookup("srv003.rwwilden01.local"), demo);
        assertTrue(p.changes().isEmpty());
        assertTrue(p.clientSteps().get(0).script().contains("setspn -D HTTP/srv003.rwwilden01.local svc-srv003-web$"));
        assertTrue(p.warnings().get(0).startsWith("Not recommended"));
    }

    @Test
    void credssp_wac01_registersMissingWsmanAndGivesBothRoles() throws Exception {
        Plan p = Remedies.plan("credssp", lookup("wac01.contoso.com"), demo);
        assertEquals(2, p.changes().size());
        assertTrue(p.clientSteps().stream().anyMatch(s -> s.script().contains("Enable-WSManCredSSP -Role Client -DelegateComputer 'wac01.contoso.com'")));
        assertTrue(p.clientSteps().stream().anyMatch(s -> s.script().contains("Disable-WSManCredSSP -Role Server")));
    }

    @Test
    void useFqdn_shortNameBroken_fqdnClean_suggestsTheOtherForm() throws Exception {
        // svc-srv003-web$ holds only the FQDN form, so the short name is clean
        Plan p = Remedies.plan("use-fqdn", lookup("srv003.rwwilden01.local"), demo);
        assertTrue(p.clientSteps().get(0).script().contains("-ComputerName 'srv003'"), p.clientSteps().get(0).script());
    }

    @Test
    void useFqdn_everyFormBroken_isNotApplicable() throws Exception {
        assertThrows(NotApplicableException.class, () -> Remedies.plan("use-fqdn", lookup("mem1.contoso.com"), demo));
        assertFalse(options("mem1.contoso.com").get("use-fqdn").applicable());
    }

    @Test
    void registerSpn_wac01_addsOnlyTheMissingWsmanForms() throws Exception {
        assertTrue(options("wac01.contoso.com").get("register-spn").applicable());
        Plan p = Remedies.plan("register-spn", lookup("wac01.contoso.com"), demo);
        assertEquals(List.of("+WSMAN/wac01@WAC01$", "+WSMAN/wac01.contoso.com@WAC01$"), texts(p));
        assertFalse(options("srv004.rwwilden01.local").get("register-spn").applicable());
        assertThrows(NotApplicableException.class, () -> Remedies.plan("register-spn", lookup("srv004.rwwilden01.local"), demo));
    }

    @Test
    void removeStaleSpn_web05_takesHttpFromTheRetiredComputer_neverHost() throws Exception {
        assertTrue(options("web05.contoso.com").get("remove-stale-spn").applicable());
        Plan p = Remedies.plan("remove-stale-spn", lookup("web05.contoso.com"), demo);
        assertTrue(texts(p).contains("-HTTP/web05.contoso.com@OLDWEB05$"), texts(p).toString());
        assertTrue(p.changes().stream().noneMatch(c -> ProtectedSpns.isProtected(c.spn())));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("retired")));
        assertThrows(NotApplicableException.class, () -> Remedies.plan("remove-stale-spn", lookup("srv004.rwwilden01.local"), demo));
    }

    @Test
    void guidanceRemedies_giveStepsAndNeverWrite() throws Exception {
        for (String id : List.of("secure-channel", "time-sync", "grant-remoting-rights", "enable-remoting", "trustedhosts")) {
            Plan p = Remedies.plan(id, lookup("srv004.rwwilden01.local"), demo);
            assertTrue(p.changes().isEmpty(), id);
            assertFalse(p.clientSteps().isEmpty(), id);
        }
        assertTrue(Remedies.plan("secure-channel", lookup("srv004.rwwilden01.local"), demo).clientSteps().get(0).script()
                .contains("Test-ComputerSecureChannel -Repair"));
        assertTrue(Remedies.plan("enable-remoting", lookup("srv004.rwwilden01.local"), demo).clientSteps().get(1).script()
                .contains("Enable-PSRemoting -Force"));
    }

    @Test
    void everyRemedyIdTheDiagnosisCatalogueNames_isKnownHere() {
        for (var cause : io.github.spndoctor.core.diagnosis.CauseId.values()) {
            for (String id : io.github.spndoctor.core.diagnosis.CauseCatalog.info(cause).remedies()) {
                if (id.matches("[a-z]+(-[a-z]+)*")) {
                    assertTrue(Remedies.ALL_IDS.contains(id), cause.id() + " names remedy '" + id + "' that Remedies.plan does not know");
                }
            }
        }
    }

    @Test
    void unknownRemedy_isRejectedWithTheKnownList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Remedies.plan("reboot", lookup("srv003"), demo));
        assertTrue(e.getMessage().contains("remove-spn, port-spn"));
    }

    @Test
    void protectedSpns_areRecognised() {
        for (String s : List.of("HOST/x", "host/x.y", "RestrictedKrbHost/x", "TERMSRV/x", "ldap/dc1/lab.test", "GC/dc1/lab.test",
                "krbtgt/LAB.TEST", "DNS/dc1", "E3514235-4B06-11D1-AB04-00C04FC2DCD2/6c3a1d5e-7f2b-4f0e-9d55-3c2a8e9b1f40/lab.test",
                "Dfsr-12F9A27C-BF97-4787-9364-D31B6C55EB04/srv003")) {
            assertTrue(ProtectedSpns.isProtected(Spn.parse(s)), s);
        }
        for (String s : List.of("HTTP/x", "http/x:5985", "WSMAN/x", "MSSQLSvc/db:1433")) {
            assertFalse(ProtectedSpns.isProtected(Spn.parse(s)), s);
        }
    }

    @Test
    void plan_ordersRemovalsFirst_andInverseUndoesInReverse() {
        var a = new io.github.spndoctor.core.model.AccountRef("CN=A", "A$", io.github.spndoctor.core.model.AccountKind.COMPUTER);
        Plan p = new Plan("x", "t", List.of(new SpnChange.Add(a, Spn.parse("HTTP/a")), new SpnChange.Remove(a, Spn.parse("HTTP/b"))),
                List.of(), List.of());
        assertInstanceOf(SpnChange.Remove.class, p.changes().get(0));
        Plan inv = p.inverse();
        assertEquals(List.of("-HTTP/a@A$", "+HTTP/b@A$"), texts(inv));
    }
}
