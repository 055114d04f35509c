package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.probe.LiveProbe;
import io.github.spndoctor.core.probe.ProbeResult;
import io.github.spndoctor.core.probe.WinrmOutcome;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real third-party client: Debian's python3-winrm (pywinrm, Kerberos transport) fails against the lab's WinRM
 * stand-in exactly as users report while the conflict stands; its own text plus the probe rank
 * http-spn-on-service-account first, with the measured evidence.
 */
class PywinrmProbeSambaIT {
    static final String SCRIPT = String.join("\n",
            "import sys, winrm",
            "try:",
            "    winrm.Session(sys.argv[1], auth=('Administrator@LAB.TEST', ''), transport='kerberos').run_cmd('hostname')",
            "    print('no error')",
            "except Exception as e:",
            "    print(type(e).__module__ + '.' + type(e).__name__ + ': ' + str(e))");

    @Test
    void pywinrmTextPlusProbeGivesTheServiceAccountCauseFirst() throws Exception {
        SambaLab.require();
        SambaLab.ensureTicket();
        String url = "http://srv003.lab.test:" + LabProbe.winrmPort() + "/wsman";
        Path script = Files.createTempFile("pywinrm-", ".py");
        Files.writeString(script, SCRIPT);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), url).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LD_PRELOAD", "libnss_wrapper.so");
        env.put("NSS_WRAPPER_HOSTS", SambaLab.env("SAMBALAB_HOSTS_FILE"));
        env.put("NSS_WRAPPER_PASSWD", "/etc/passwd");
        env.put("NSS_WRAPPER_GROUP", "/etc/group");
        env.put("KRB5_CONFIG", LabProbe.krb5Conf().toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pywinrm finished");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(script);
        assertTrue(text.contains("the specified credentials were rejected by the server"), text);

        Symptom symptom = SymptomParser.parse(text);
        assertEquals(Optional.of(WinrmClient.PYWINRM), WinrmClient.fromSymptom(symptom), text);
        try (LdapDirectory dir = SambaLab.directory()) {
            WinrmClient client = WinrmClient.fromSymptom(symptom).orElseThrow();
            ProbeResult probe = new LiveProbe(dir, LabProbe.withPassword()).run(Endpoint.parse("srv003.lab.test"), client,
                    ClientSettings.DEFAULT, s -> { });
            assertEquals(WinrmOutcome.REJECTED, probe.winrm(), probe.winrmDetail());
            Diagnosis d = Diagnoser.diagnose(symptom, Optional.of(dir.lookup(TargetName.parse("srv003.lab.test"))),
                    Optional.of(probe.dns()), Optional.of(probe.measurement()));
            assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, d.causes().get(0).id());
            List<Evidence> ev = d.causes().get(0).evidence();
            assertTrue(ev.stream().anyMatch(e -> e.source() == Evidence.Source.PROBE && e.supports()
                    && e.detail().contains("svc-srv003-web$'s key")), ev.toString());
            Diagnosis textOnly = Diagnoser.diagnose(symptom, Optional.empty());
            assertTrue(d.causes().get(0).confidence() > textOnly.causes().get(0).confidence());
        }
    }
}
