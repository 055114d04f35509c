package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.diagnosis.DnsServerResolver;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.spn.ClientModel;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.SpnExplanation;
import io.github.spndoctor.core.spn.SpnVerdict;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client model against the lab's real DNS with a CNAME this test adds (and removes): a Linux client (MIT krb5)
 * follows the alias to srv003.lab.test and gets the hijacked SPN; a Windows client asks for the alias as typed,
 * which no account holds. Changes the lab: run inside the lab lock.
 */
class ClientModelSambaIT {
    static final String ALIAS = "portal-h11";

    static void samba(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("samba-tool", "dns"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-U", "Administrator%" + SambaLab.password()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0 && !out.contains("WERR_DNS_ERROR_RECORD_ALREADY_EXISTS") && !out.contains("WERR_DNS_ERROR_NAME_DOES_NOT_EXIST")
                && !out.contains("Record does not exist")) {
            throw new AssertionError("samba-tool dns " + String.join(" ", args) + ": " + out);
        }
    }

    @Test
    void linuxClientsFollowTheAliasWindowsClientsDoNot() throws Exception {
        SambaLab.require();
        samba("add", "127.0.0.1", "lab.test", ALIAS, "CNAME", "srv003.lab.test");
        try (LdapDirectory dir = SambaLab.directory()) {
            DnsServerResolver dns = new DnsServerResolver("127.0.0.1");
            assertEquals("srv003.lab.test", dns.cname(ALIAS + ".lab.test").orElseThrow().toLowerCase());
            Endpoint typed = Endpoint.parse(ALIAS + ".lab.test");

            assertEquals("HTTP/srv003.lab.test", ClientModel.requested(typed, WinrmClient.PYWINRM, ClientSettings.DEFAULT, dns)
                    .spn().orElseThrow().toString());
            assertEquals("HTTP/" + ALIAS + ".lab.test", ClientModel.requested(typed, WinrmClient.POWERSHELL,
                    ClientSettings.DEFAULT, dns).spn().orElseThrow().toString());

            SpnExplanation linux = SpnExplanation.explain(dir, dir.spnMappings(), typed, WinrmClient.ANSIBLE_WINRM,
                    ClientSettings.DEFAULT, dns);
            assertEquals(SpnVerdict.WRONG_ACCOUNT, linux.verdict(), linux.headline());
            assertEquals("svc-srv003-web$", linux.answeredBy().orElseThrow().ref().samAccountName().toLowerCase());
            SpnExplanation windows = SpnExplanation.explain(dir, dir.spnMappings(), typed, WinrmClient.POWERSHELL,
                    ClientSettings.DEFAULT, dns);
            assertEquals(SpnVerdict.NO_ACCOUNT, windows.verdict(), windows.headline());
            SpnExplanation noCanon = SpnExplanation.explain(dir, dir.spnMappings(), typed, WinrmClient.PYWINRM,
                    ClientSettings.DEFAULT.withDnsCanonicalize(false), dns);
            assertEquals("HTTP/" + ALIAS + ".lab.test", noCanon.request().spn().orElseThrow().toString());
        } finally {
            samba("delete", "127.0.0.1", "lab.test", ALIAS, "CNAME", "srv003.lab.test");
        }
    }
}
