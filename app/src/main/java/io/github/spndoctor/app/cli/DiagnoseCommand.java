package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.CauseCatalog;
import io.github.spndoctor.core.diagnosis.CauseInfo;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.report.DiagnosisJson;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.Timeline;
import io.github.spndoctor.core.text.RedactedText;
import io.github.spndoctor.core.symptom.Fact;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;
import io.github.spndoctor.core.symptom.TargetFact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code diagnose [--text-file F | stdin] [--target NAME] [directory options] [--json]}: reads an error text and
 * ranks the causes. Without directory options the ranking is a hypothesis from the text alone; with them (and a
 * target, given or named in the text) the lookup's evidence and DNS facts make it a verdict.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Rank the likely causes of a WinRM / Kerberos error from its text, and — with directory "
                + "options and a target — from the directory and DNS.",
                "Reads the text from --text-file or from standard input (UTF-8, or UTF-16 with a byte-order mark)."})
public final class DiagnoseCommand implements Callable<Integer> {
    /** Bytes read at most; the parser reads far less of a long text anyway and says so. */
    static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;
    /** Causes shown in full in the readable output; the rest get one line each. */
    static final int DETAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--text-file", paramLabel = "FILE", description = "Read the error text from this file ('-' for standard input, the default).")
    String textFile;

    @Option(names = "--target", paramLabel = "NAME", description = "The server name as typed in Enter-PSSession; default: the one named in the text.")
    String target;

    @Option(names = "--json", description = "Print JSON: {\"causes\": [...], \"symptom\": {...}}.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the session report the wizard saves (.html for HTML, anything else Markdown): the error text with secrets blanked, the lookup, the causes and the timeline.")
    Path reportFile;

    @Option(names = "--no-dns", description = "Do not ask DNS about the target (CNAME, forward and reverse lookups).")
    boolean noDns;

    @Mixin
    DirectoryOptions directory;

    /** Standard input; replaced by tests. */
    InputStream stdin = System.in;
    /** DNS; replaced by tests. */
    NameResolver resolver = new JdkNameResolver();

    @Override
    public Integer call() throws Exception {
        // the text enters the product here: only its redacted form is kept, parsed, printed or saved
        RedactedText text = RedactedText.of(readText());
        Timeline timeline = new Timeline();
        timeline.symptom(text);
        SessionReport report = SessionReport.start().withSymptom(text);
        Symptom symptom = SymptomParser.parse(text.text());
        Optional<TargetName> name = target != null
                ? Optional.of(TargetName.parse(target))
                : symptom.target().map(TargetFact::name);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnosis d;
        String mode;
        if (directory.anyGiven() && name.isPresent() && name.get().isDnsName()) {
            try (Directory dir = directory.open()) {
                LookupResult lookup = dir.lookup(name.get());
                timeline.lookedUp(lookup);
                Optional<NameFacts> names = noDns ? Optional.empty() : Optional.of(NameFacts.check(lookup.target(),
                        lookup.computer().flatMap(Account::dnsHostName), resolver));
                d = Diagnoser.diagnose(symptom, Optional.of(lookup), names);
                report = report.withLookup(lookup, d.causes());
                mode = "verdict: text plus directory lookup of " + name.get().asTyped() + " (" + lookup.source().banner() + ")"
                        + (noDns ? "" : " and DNS");
            } catch (DirectoryException e) {
                err.println("warning: the directory lookup failed: " + e.getMessage()
                        + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
                timeline.lookupFailed(e);
                d = Diagnoser.diagnoseAfterFailedLookup(symptom, e);
                mode = "hypothesis from text alone: the directory lookup failed";
            }
        } else {
            Optional<NameFacts> names = name.filter(n -> !n.isDnsName())
                    .map(n -> NameFacts.check(n, Optional.empty(), resolver));
            d = Diagnoser.diagnose(symptom, Optional.empty(), names);
            mode = "hypothesis from text alone" + (directory.anyGiven()
                    ? " (no target: give --target or paste an error that names the server)"
                    : " (add --demo or directory options and --target for a verdict)");
        }
        timeline.diagnosed(d.causes());
        if (reportFile != null) {
            FixCommand.writeReport(report.withTimeline(timeline.entries()), reportFile);
            err.println("Report written to " + reportFile);
        }
        if (json) {
            out.println(LookupJson.MAPPER.writeValueAsString(DiagnosisJson.toJson(d)));
        } else {
            print(out, d, mode);
        }
        return 0;
    }

    private String readText() throws IOException {
        byte[] bytes;
        if (textFile == null || textFile.equals("-")) {
            if (stdin == System.in && System.console() != null) {
                spec.commandLine().getErr().println("Paste the error text, then press Ctrl+D (Windows: Ctrl+Z, Enter).");
            }
            bytes = stdin.readNBytes(MAX_INPUT_BYTES);
        } else {
            return readFile(textFile);
        }
        return decode(bytes);
    }

    /** The text of {@code --text-file} (at most {@link #MAX_INPUT_BYTES}), decoded; a clear message when it cannot be read. */
    static String readFile(String textFile) throws IOException {
        Path p = Path.of(textFile);
        if (Files.isDirectory(p)) {
            throw new IllegalArgumentException("--text-file " + textFile + " is a directory, not a text file.");
        }
        try (InputStream in = Files.newInputStream(p)) {
            return decode(in.readNBytes(MAX_INPUT_BYTES));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--text-file " + textFile + " does not exist.");
        }
    }

    /** UTF-8 unless a byte-order mark says UTF-16 (PowerShell's Out-File default); bad bytes become U+FFFD. */
    static String decode(byte[] b) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        return new String(b, skip, b.length - skip, cs);
    }

    static void print(PrintWriter out, Diagnosis d, String mode) {
        Symptom s = d.symptom();
        out.println("Diagnosis — " + mode);
        out.println("Recognised: " + recognised(s));
        s.note().ifPresent(n -> out.println("Note: " + n));
        out.println();
        int i = 0;
        for (RankedCause c : d.causes()) {
            i++;
            CauseInfo info = CauseCatalog.info(c.id());
            String pct = String.format(Locale.ROOT, "%3d%%", Math.round(c.confidence() * 100));
            if (i > DETAILED) {
                out.printf(Locale.ROOT, "%2d. %-28s %s  %s%n", i, c.id().id(), pct, info.title());
                continue;
            }
            out.printf(Locale.ROOT, "%2d. %-28s %s  %s%n", i, c.id().id(), pct, info.title());
            wrap(out, "Why: " + info.explanation(), "    ", "         ");
            if (!c.evidence().isEmpty()) {
                out.println("    Evidence:");
                for (Evidence e : c.evidence()) {
                    wrap(out, (e.supports() ? "+ " : "- ") + e.source().id() + ": " + e.detail(), "      ", "          ");
                }
            }
            wrap(out, "Check: " + info.decisiveCheck(), "    ", "           ");
            wrap(out, "Remedies: " + String.join("; ", info.remedies()), "    ", "              ");
            out.println();
        }
    }

    private static String recognised(Symptom s) {
        List<String> parts = new ArrayList<>();
        for (Fact<io.github.spndoctor.core.symptom.KnownError> f : s.errors()) {
            parts.add(f.value().code().equals(f.value().name()) ? f.value().name() : f.value().code() + " (" + f.value().name() + ")");
        }
        s.authPackages().forEach(f -> parts.add(f.value().label()));
        s.clients().forEach(f -> parts.add(f.value().label()));
        s.target().ifPresent(t -> parts.add("target " + t.name().asTyped()));
        s.requestedSpn().ifPresent(m -> parts.add("requested SPN " + m.spn()));
        s.clues().forEach(f -> parts.add(f.value().description()));
        return parts.isEmpty() ? "nothing (no error code, message, client or clue)" : String.join(" · ", parts);
    }

    /** Word-wraps at 110 columns. */
    private static void wrap(PrintWriter out, String text, String first, String rest) {
        int width = 110;
        StringBuilder line = new StringBuilder(first);
        int indent = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > indent && line.length() + 1 + word.length() > width) {
                out.println(line);
                line = new StringBuilder(rest);
                indent = rest.length();
            }
            if (line.length() > indent) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
