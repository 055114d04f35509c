package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spndoctor.core.report.LookupJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code probe} and {@code fix --probe} through the real command line against the Samba lab and its WinRM stand-in:
 * the JSON contract while the conflict stands, then a fix proven with fresh tickets, then the undo breaking it again.
 * Changes the lab: run inside the lab lock.
 */
class ProbeCliSambaIT {
    @TempDir
    Path home;

    @BeforeEach
    void lab() {
        new CliSambaIT().lab();
        System.setProperty(io.github.spndoctor.core.apply.StatePaths.HOME_PROPERTY, home.toString());
    }

    static List<String> probeArgs() {
        String port = System.getenv().getOrDefault("SAMBALAB_WINRM_PORT", "5985");
        List<String> a = new ArrayList<>();
        for (String h : List.of("srv003.lab.test", "srv004.lab.test", "dynamics-crm.lab.test")) {
            a.addAll(List.of("--winrm-address", h + "=127.0.0.1:" + port));
        }
        a.addAll(List.of("--name-server", "127.0.0.1", "--probe-principal", "Administrator@LAB.TEST",
                "--probe-password-env", "SAMBALAB_BIND_PW", "--realm", "LAB.TEST"));
        return a;
    }

    record Run(int status, String out, String err) {}

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void probeJsonWhileTheConflictStandsThenFixProbeAndUndo() throws Exception {
        List<String> a = new ArrayList<>(List.of("probe", "--target", "srv003.lab.test", "--json"));
        a.addAll(probeArgs());
        Run r = run(List.of(CliSambaIT.live(a.toArray(String[]::new))));
        assertEquals(ProbeCommand.EXIT_NOT_ACCEPTED, r.status(), r.err() + r.out());
        JsonNode j = LookupJson.MAPPER.readTree(r.out());
        assertEquals("srv003.lab.test", j.get("target").asText());
        assertEquals("powershell", j.get("client").asText());
        assertEquals("HTTP/srv003.lab.test", j.get("spn").asText());
        assertEquals("127.0.0.1", j.get("dns").get("addresses").get(0).asText());
        assertTrue(j.get("tcp").get("5985").asBoolean());
        assertTrue(j.get("listener").asBoolean());
        assertEquals("issued", j.get("ticket").get("outcome").asText());
        assertTrue(j.get("ticket").get("kvno").isInt());
        assertTrue(j.get("ticket").get("etype").asText().toLowerCase().startsWith("aes"), j.get("ticket").toString());
        assertEquals("svc-srv003-web$", j.get("ticket").get("matches").get(0).asText().toLowerCase());
        assertEquals("rejected", j.get("winrm").get("kerberos").asText());
        assertTrue(j.get("clockOffsetSeconds").isNumber());
        assertTrue(!r.out().contains("YII") && !r.out().contains(System.getenv("SAMBALAB_BIND_PW")), "no token, no password");

        Path journal = home.resolve("fix.journal");
        List<String> fix = new ArrayList<>(List.of("fix", "--target", "srv003.lab.test", "--remedy", "remove-spn", "--yes",
                "--allow-changes", "--no-kerberos", "--journal", journal.toString(), "--probe", "--report",
                home.resolve("fix-report.md").toString()));
        fix.addAll(probeArgs());
        Run fixed = run(List.of(CliSambaIT.live(fix.toArray(String[]::new))));
        try {
            assertEquals(0, fixed.status(), fixed.err() + fixed.out());
            assertTrue(fixed.out().contains("WinRM on srv003.lab.test now accepts Kerberos for HTTP/srv003.lab.test."), fixed.out());
            assertTrue(fixed.out().contains("klist purge") && fixed.out().contains("klist -li 0x3e7 purge"), fixed.out());
            assertTrue(fixed.out().contains("15 minutes"), fixed.out());
            // the saved report has the probe run after the fix in its Live probe table (issue 11), with no secret
            String report = java.nio.file.Files.readString(home.resolve("fix-report.md"));
            String row = report.substring(report.indexOf("## Live probe")).lines().filter(l -> l.startsWith("| 1 |"))
                    .findFirst().orElseThrow(() -> new AssertionError(report));
            assertTrue(row.contains("after the fix") && row.contains("HTTP/srv003.lab.test") && row.contains("| accepted")
                    && row.toLowerCase().contains("srv003$"), row);
            assertTrue(report.contains("Kerberos: asking the KDC for a ticket to HTTP/srv003.lab.test"), "probe steps in the report");
            assertTrue(!report.contains("YII") && !report.contains(System.getenv("SAMBALAB_BIND_PW")), "no token, no password");
        } finally {
            Run undo = run(List.of(CliSambaIT.live("undo", "--journal", journal.toString(), "--yes", "--allow-changes")));
            assertEquals(0, undo.status(), undo.err() + undo.out());
        }
        Run again = run(List.of(CliSambaIT.live(a.toArray(String[]::new))));
        assertEquals("rejected", LookupJson.MAPPER.readTree(again.out()).get("winrm").get("kerberos").asText());
    }
}
