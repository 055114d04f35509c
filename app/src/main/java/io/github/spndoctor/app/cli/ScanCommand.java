package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.scan.ForestScanner;
import io.github.spndoctor.core.scan.ScanFinding;
import io.github.spndoctor.core.scan.ScanJson;
import io.github.spndoctor.core.scan.ScanListener;
import io.github.spndoctor.core.scan.ScanProgress;
import io.github.spndoctor.core.scan.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code scan}: every servicePrincipalName in the forest, paged, checked for conflicts. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan every service principal name in the forest (paged, through the global catalog) for "
                + "duplicates, HTTP/ SPNs on service accounts that hijack a computer's WinRM name, and SPNs naming "
                + "another computer.",
                "Exit status: 0 when the scan completed (with or without findings), 3 when the directory failed."})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
            description = "Entries per page (default: ${DEFAULT-VALUE}, Active Directory's MaxPageSize).")
    int pageSize;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    @Mixin
    DirectoryOptions directory;

    @Override
    public Integer call() throws Exception {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("--page-size must be between 1 and 5000.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Directory dir = directory.open()) {
            ScanReport report = ForestScanner.scan(dir, pageSize, quiet ? ScanListener.NONE : new Progress(err));
            if (json) {
                out.println(LookupJson.MAPPER.writeValueAsString(ScanJson.toJson(report)));
            } else {
                print(out, report);
            }
        }
        return 0;
    }

    /** Progress at most once a second, plus the phase changes. */
    private static final class Progress implements ScanListener {
        private final PrintWriter err;
        private long lastPrint;
        private String lastPhase = "";

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(ScanProgress p) {
            long now = System.nanoTime();
            if (!p.phase().equals(lastPhase) || now - lastPrint > 1_000_000_000L) {
                err.printf(Locale.ROOT, "%s: %,d accounts, %,d SPNs, %.0f SPNs/s%n", p.phase(), p.accounts(), p.spns(),
                        p.spnsPerSecond());
                err.flush();
                lastPrint = now;
                lastPhase = p.phase();
            }
        }
    }

    static void print(PrintWriter out, ScanReport r) {
        out.println("Source:   " + r.source().banner());
        out.printf(Locale.ROOT, "Scanned:  %,d SPNs on %,d accounts in %.1f s%s%n", r.spns(), r.accounts(),
                r.elapsed().toMillis() / 1000.0, r.complete() ? "" : " (CANCELLED: incomplete, absence of findings proves nothing)");
        out.println();
        for (io.github.spndoctor.core.model.UnusualSpn u : r.unusual()) {
            out.println("Warning: " + u.sentence());
        }
        if (!r.unusual().isEmpty()) {
            out.println();
        }
        if (r.findings().isEmpty()) {
            out.println(r.complete() ? "No SPN conflicts found in the forest." : "No conflicts found in the part scanned.");
            return;
        }
        out.println(r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + ":");
        for (CauseId cause : List.of(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, CauseId.DUPLICATE_SPN, CauseId.SPN_ON_OTHER_COMPUTER)) {
            List<ScanFinding> of = r.findings().stream().filter(f -> f.cause() == cause).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.println();
            out.println("[" + cause.id() + "] " + of.size());
            for (ScanFinding f : of) {
                out.println("  " + String.join("  vs  ", f.spns()));
                for (AccountRef a : f.accounts()) {
                    out.println("      " + a.label() + "  " + a.dn());
                }
                out.println("      " + f.summary());
            }
        }
    }
}
