package io.github.spndoctor.core.render;

import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewTest {
    static DemoDirectory demo;
    static Plan removeCrm;
    static Plan portSrv003;
    static Plan wsmanCrm;

    @BeforeAll
    static void plans() throws Exception {
        demo = DemoDirectory.start();
        removeCrm = Remedies.plan("remove-spn", demo.lookup(TargetName.parse("DYNAMICS-CRM")), demo);
        portSrv003 = Remedies.plan("port-spn", demo.lookup(TargetName.parse("srv003.rwwilden01.local")), demo);
        wsmanCrm = Remedies.plan("wsman-prefix", demo.lookup(TargetName.parse("DYNAMICS-CRM")), demo);
    }

    @AfterAll
    static void stop() { demo.close(); }

    @Test
    void summary_namesEveryAccountAtRisk_andEveryWarning() {
        String s = Preview.render(removeCrm, Format.SUMMARY);
        assertTrue(s.contains("1. Remove http/DYNAMICS-CRM from crmIisPoolServiceAccount (user)"), s);
        assertTrue(s.contains("crmIisPoolServiceAccount (user): loses http/DYNAMICS-CRM, http/DYNAMICS-CRM.kimconnect.com; is left with no SPN at all"), s);
        for (String w : removeCrm.warnings()) {
            assertTrue(s.contains(w), w);
        }
    }

    @Test
    void setspn_usesDashSWithForestCheckForAdds_andDashDForRemovals() {
        String add = Preview.render(portSrv003, Format.SETSPN);
        assertTrue(add.contains("setspn -F -S HTTP/srv003:5985 SRV003\r\n"), add);
        assertTrue(add.contains("setspn -F -S HTTP/srv003.rwwilden01.local:5985 SRV003\r\n"), add);
        String del = Preview.render(removeCrm, Format.SETSPN);
        assertTrue(del.contains("setspn -D http/DYNAMICS-CRM crmIisPoolServiceAccount\r\n"), del);
        assertFalse(del.contains(" -S "), del);
    }

    @Test
    void powershell_picksTheCmdletByAccountKind() {
        AccountRef user = new AccountRef("CN=u,CN=Users,DC=a,DC=b", "u", AccountKind.USER);
        AccountRef comp = new AccountRef("CN=C,CN=Computers,DC=a,DC=b", "C$", AccountKind.COMPUTER);
        AccountRef msa = new AccountRef("CN=m,CN=Managed Service Accounts,DC=a,DC=b", "m$", AccountKind.MSA);
        AccountRef gmsa = new AccountRef("CN=g,CN=Managed Service Accounts,DC=a,DC=b", "g$", AccountKind.GMSA);
        Plan p = new Plan("x", "t", List.of(new SpnChange.Remove(user, Spn.parse("HTTP/u")), new SpnChange.Remove(msa, Spn.parse("HTTP/m")),
                new SpnChange.Remove(gmsa, Spn.parse("HTTP/g")), new SpnChange.Add(comp, Spn.parse("HTTP/c:5985"))), List.of(), List.of());
        String ps = Preview.render(p, Format.POWERSHELL);
        assertTrue(ps.contains("Set-ADUser -Identity 'CN=u,CN=Users,DC=a,DC=b' -Server 'a.b' -ServicePrincipalNames @{Remove='HTTP/u'}"), ps);
        assertTrue(ps.contains("Set-ADServiceAccount -Identity 'CN=m,CN=Managed Service Accounts,DC=a,DC=b' -Server 'a.b' -ServicePrincipalNames @{Remove='HTTP/m'}"), ps);
        assertTrue(ps.contains("Set-ADServiceAccount -Identity 'CN=g,"), ps);
        assertTrue(ps.contains("Set-ADComputer -Identity 'CN=C,CN=Computers,DC=a,DC=b' -Server 'a.b' -ServicePrincipalNames @{Add='HTTP/c:5985'}"), ps);
        assertTrue(ps.indexOf("$holder = Get-ADObject") < ps.indexOf("Set-ADComputer"), "uniqueness check precedes the addition");
    }

    @Test
    void powershell_quotesApostrophesInDns() {
        AccountRef odd = new AccountRef("CN=O'Brien,CN=Users,DC=a,DC=b", "obrien", AccountKind.USER);
        Plan p = new Plan("x", "t", List.of(new SpnChange.Remove(odd, Spn.parse("HTTP/o"))), List.of(), List.of());
        assertTrue(Preview.render(p, Format.POWERSHELL).contains("-Identity 'CN=O''Brien,CN=Users,DC=a,DC=b'"));
    }

    @Test
    void ldif_parsesBackToTheSameChanges_evenWithNonAsciiDn() throws Exception {
        AccountRef odd = new AccountRef("CN=Jürgen Svc,CN=Users,DC=a,DC=b", "jsvc", AccountKind.USER);
        List<SpnChange> changes = new ArrayList<>(removeCrm.changes());
        changes.add(new SpnChange.Remove(odd, Spn.parse("HTTP/jürgen")));
        Plan p = new Plan("x", "t", changes, List.of(), List.of());
        String ldif = Preview.render(p, Format.LDIF);
        List<String> back = new ArrayList<>();
        try (LDIFReader r = new LDIFReader(new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8)))) {
            LDIFChangeRecord rec;
            while ((rec = r.readChangeRecord()) != null) {
                LDIFModifyChangeRecord m = (LDIFModifyChangeRecord) rec;
                assertEquals(1, m.getModifications().length);
                assertEquals(1, m.getModifications()[0].getValues().length);
                back.add(m.getModifications()[0].getModificationType().getName() + " " + m.getDN() + " " + m.getModifications()[0].getValues()[0]);
            }
        }
        assertEquals(List.of("DELETE CN=crmIisPoolServiceAccount,CN=Users,DC=kimconnect,DC=com http/DYNAMICS-CRM",
                "DELETE CN=crmIisPoolServiceAccount,CN=Users,DC=kimconnect,DC=com http/DYNAMICS-CRM.kimconnect.com",
                "DELETE CN=Jürgen Svc,CN=Users,DC=a,DC=b HTTP/jürgen"), back);
    }

    @Test
    void reg_containsSpnPrefixForWsman_andSaysSoWhenThereIsNone() {
        String reg = Preview.render(wsmanCrm, Format.REG);
        assertTrue(reg.startsWith("Windows Registry Editor Version 5.00\r\n"), reg);
        assertTrue(reg.contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client]\r\n\"spn_prefix\"=\"WSMAN\""), reg);
        assertEquals("; No client registry steps in this plan.\r\n", Preview.render(removeCrm, Format.REG));
    }

    @Test
    void everyFormat_rendersEveryRemedyWithoutError() throws Exception {
        for (String id : Remedies.ALL_IDS) {
            Plan p;
            try {
                p = Remedies.plan(id, demo.lookup(TargetName.parse(id.equals("trustedhosts") ? "10.0.0.5" : "DYNAMICS-CRM")), demo);
            } catch (IllegalStateException notApplicable) {
                continue;
            }
            for (Format f : Format.values()) {
                assertFalse(Preview.render(p, f).isBlank(), id + " " + f);
            }
        }
    }

    @Test
    void domainOf_readsDcComponents() {
        assertEquals("kimconnect.com", Preview.domainOf("CN=x\\,y,OU=a,DC=kimconnect,DC=com"));
        assertEquals("(unknown domain)", Preview.domainOf("CN=x"));
    }
}
