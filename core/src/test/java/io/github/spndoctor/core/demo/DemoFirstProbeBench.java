package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.probe.ProbeResult;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): where the FIRST live probe of a process goes on the demo, with no warm-up, as a one-shot
 * {@code probe --demo} runs it. In one fresh JVM it runs the named steps in the given order and prints each one's
 * time, so moving one step before the probe shows how much of the probe's first run it was:
 * {@code demo} (directory start), {@code kdc} ({@code TrainerDemo.kerberos()}: KDCs + WinRM hosts), {@code kerbys2k}
 * (Kerby's PBKDF2 string-to-key, AES-256 and AES-128, as the KDC derives the trainer's keys), {@code jdks2k} (the JDK's
 * PBKDF2, as its Kerberos login derives the client's key), {@code kerby} (one Kerby service ticket: both Kerby sides),
 * {@code probe} (the live probe of srv004), {@code probe2} (a second one). See docs/benchmarks/demo-kerberos.md.
 * Run: java -cp core/target/test-classes:core/target/classes:CP io.github.spndoctor.core.demo.DemoFirstProbeBench demo,kdc,probe
 */
public final class DemoFirstProbeBench {
    public static void main(String[] args) throws Exception {
        String[] steps = (args.length > 0 ? args[0] : "demo,kdc,probe,probe2").split(",");
        TrainerDemo demo = null;
        List<String> out = new ArrayList<>();
        long all = System.nanoTime();
        for (String step : steps) {
            long t = System.nanoTime();
            String note = "";
            switch (step) {
                case "demo" -> demo = TrainerDemo.unsaved(Files.createTempDirectory("bench"), DemoDirectory.start());
                case "kdc" -> demo.kerberos();
                case "kerbys2k" -> {
                    for (var type : DemoKeys.TYPES) {
                        org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler.string2Key("bench@BENCH.TEST", "not-a-secret-0123456789", type);
                    }
                }
                case "jdks2k" -> SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(new PBEKeySpec(
                        "not-a-secret-0123456789".toCharArray(), "BENCH.TESTbench".getBytes(), 4096, 256)).getEncoded();
                case "kerby" -> demo.kerberos().client().serviceTicket(Spn.parse("HTTP/srv004.rwwilden01.local"));
                case "probe", "probe2" -> {
                    ProbeResult r = DemoProbeBench.probe(demo, "srv004.rwwilden01.local");
                    note = " (" + r.winrm().id() + ")";
                }
                default -> throw new IllegalArgumentException(step);
            }
            out.add(step + " " + (System.nanoTime() - t) / 1_000_000 + " ms" + note);
        }
        System.out.println(String.join("; ", out) + "; total " + (System.nanoTime() - all) / 1_000_000 + " ms");
        if (demo != null) {
            demo.close();
        }
    }
}
