package io.github.spndoctor.app.cli;

import io.github.spndoctor.app.Main;
import io.github.spndoctor.app.fixture.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's loop through the CLI, every step a separate {@code spn-doctor} process sharing only the saved demo:
 * break (probe rejected) → diagnose → fix → connect and probe accepted → undo → connect and probe rejected → reset
 * gives the seed back.
 */
class DemoCliProcessTest {
    @TempDir
    Path home;

    ChildJvm.Run spnDoctor(String... args) throws Exception {
        return ChildJvm.run(home, List.of(), Main.class, args);
    }

    @Test
    void breakDiagnoseFixConnectUndoConnectResetAcrossProcesses() throws Exception {
        String host = "srv004.rwwilden01.local";
        Path seed = home.resolve("seed.ldif");
        assertEquals(0, spnDoctor("demo", "status").code());
        ChildJvm.Run healthy = spnDoctor("demo", "connect", host);
        assertEquals(0, healthy.code(), healthy.out());
        assertTrue(healthy.out().startsWith("accepted"), healthy.out());

        ChildJvm.Run broke = spnDoctor("demo", "break", "hijack-http", "--yes");
        assertEquals(0, broke.code(), broke.out());
        Matcher bj = Pattern.compile("Journal: (\\S+)").matcher(broke.out());
        assertTrue(bj.find() && Path.of(bj.group(1)).startsWith(home.resolve("demo").resolve("journals")),
                "the break is journalled with the demo's journals: " + broke.out());
        ChildJvm.Run probedBroken = spnDoctor("probe", "--demo", "--target", host);
        assertEquals(ProbeCommand.EXIT_NOT_ACCEPTED, probedBroken.code(), probedBroken.out());
        ChildJvm.Run rejected = spnDoctor("demo", "connect", host);
        assertEquals(FixCommand.EXIT_NOT_FIXED, rejected.code(), rejected.out());
        assertTrue(rejected.out().contains("KRB_AP_ERR_MODIFIED"), rejected.out());

        Path symptom = home.resolve("error.txt");
        Files.writeString(symptom, "Enter-PSSession " + host + " : WinRM cannot process the request. The following error "
                + "with errorcode 0x80090322 occurred while using Kerberos authentication: An unknown security error occurred.");
        ChildJvm.Run diagnosed = spnDoctor("diagnose", "--demo", "--target", host, "--text-file", symptom.toString(), "--json");
        assertEquals(0, diagnosed.code(), diagnosed.out());
        assertTrue(diagnosed.out().indexOf("http-spn-on-service-account") >= 0, diagnosed.out());

        ChildJvm.Run fixed = spnDoctor("fix", "--demo", "--target", host, "--remedy", "remove-spn", "--yes");
        assertEquals(0, fixed.code(), fixed.out());
        assertTrue(fixed.out().contains("accepted-by-host") || fixed.out().contains("own key decrypts"), fixed.out());
        ChildJvm.Run accepted = spnDoctor("demo", "connect", host);
        assertEquals(0, accepted.code(), accepted.out());
        ChildJvm.Run probed = spnDoctor("probe", "--demo", "--target", host, "--json");
        assertEquals(0, probed.code(), probed.out());
        assertTrue(probed.out().contains("\"accepted\""), probed.out());

        Matcher j = Pattern.compile("Journal \\(keep it for undo\\): (\\S+)").matcher(fixed.out());
        assertTrue(j.find(), fixed.out());
        assertTrue(Path.of(j.group(1)).startsWith(home.resolve("demo").resolve("journals")), "demo journals live apart: " + j.group(1));
        ChildJvm.Run undone = spnDoctor("undo", "--demo", "--journal", j.group(1), "--yes");
        assertEquals(0, undone.code(), undone.out());
        ChildJvm.Run againRejected = spnDoctor("demo", "connect", host);
        assertEquals(FixCommand.EXIT_NOT_FIXED, againRejected.code(), againRejected.out());
        ChildJvm.Run probedAgain = spnDoctor("probe", "--demo", "--target", host, "--json");
        assertEquals(ProbeCommand.EXIT_NOT_ACCEPTED, probedAgain.code(), probedAgain.out());
        assertTrue(probedAgain.out().contains("\"rejected\""), probedAgain.out());

        assertTrue(Files.exists(home.resolve("demo").resolve("audit.log")), "the demo audit log");
        assertTrue(Files.notExists(home.resolve("audit.log")), "the real audit log is untouched");
        assertEquals(0, spnDoctor("demo", "reset").code());
        ChildJvm.Run back = spnDoctor("demo", "connect", host);
        assertEquals(0, back.code(), back.out());
        assertTrue(Files.notExists(home.resolve("demo").resolve("directory.ldif")), "reset forgets the saved state");
    }

    @Test
    void theCnameBreak_isJournalled_andUndoneFromItsJournalInAnotherProcess() throws Exception {
        ChildJvm.Run broke = spnDoctor("demo", "break", "cname", "--to", "srv003.rwwilden01.local", "--yes");
        assertEquals(0, broke.code(), broke.out());
        assertTrue(broke.out().contains("Point the DNS alias reports.rwwilden01.local at srv003.rwwilden01.local"), broke.out());
        Matcher bj = Pattern.compile("Journal: (\\S+)").matcher(broke.out());
        assertTrue(bj.find() && Path.of(bj.group(1)).startsWith(home.resolve("demo").resolve("journals")), broke.out());
        ChildJvm.Run status = spnDoctor("demo", "status", "--json");
        String st = status.out().replaceAll("\\s+", "");
        assertTrue(st.contains("\"changed\":true") && st.contains("\"reports.rwwilden01.local\":\"srv003.rwwilden01.local\""),
                status.out());
        assertTrue(Files.readString(home.resolve("demo").resolve("audit.log")).contains("cname"), "the demo audit log");

        ChildJvm.Run undone = spnDoctor("undo", "--demo", "--journal", bj.group(1), "--yes");
        assertEquals(0, undone.code(), undone.out());
        assertTrue(undone.out().contains("Point the DNS alias reports.rwwilden01.local at srv004.rwwilden01.local"), undone.out());
        ChildJvm.Run after = spnDoctor("demo", "status", "--json");
        String at = after.out().replaceAll("\\s+", "");
        assertTrue(at.contains("\"changed\":false") && at.contains("\"reports.rwwilden01.local\":\"srv004.rwwilden01.local\""),
                after.out());
        ChildJvm.Run again = spnDoctor("undo", "--demo", "--journal", bj.group(1), "--yes");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, again.code(), "the journal's alias no longer points there: " + again.out());
    }
}
