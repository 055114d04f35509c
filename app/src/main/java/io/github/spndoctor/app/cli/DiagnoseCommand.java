package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.CauseCatalog;
import io.github.spndoctor.core.diagnosis.CauseInfo;
import io.github.spndoctor.core.diagnosis.Confidence;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.diagnosis.Question;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.session.Assessment;
import io.github.spndoctor.core.session.ProbeChoice;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.evidence.EvidenceReader;
import io.github.spndoctor.core.evidence.EvidenceSet;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.report.DiagnosisJson;
import io.github.spndoctor.core.report.EvidenceJson;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
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
 * {@code diagnose [--text-file F | stdin] [--target NAME] [--answer ID=VALUE ...] [directory options] [--json]}:
 * reads an error text and ranks the causes; when they are close it asks the one question that separates them, and
 * {@code --answer} gives the answers (the same table as the wizard's, core's {@code Questions}). Without directory options the ranking is a hypothesis from the text alone; with them (and a
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

    @Option(names = "--evidence", paramLabel = "FILE", arity = "1..*", description = "Evidence files: Windows event XML "
            + "(Save Selected Events…, Get-WinEvent | % ToXml), an event's copied text, klist output, or a Negotiate "
            + "header. The SPN they show the client asked for is the one looked up.")
    List<Path> evidenceFiles = new ArrayList<>();
    @Option(names = "--answer", paramLabel = "QUESTION_ID=VALUE", description = {
            "Answer a question the diagnosis asked (repeatable), e.g. --answer works-by-ip=yes. The answers are "
                    + "evidence and re-rank the causes; the output (and --json's \"question\") shows the next question."})
    List<String> answerArgs = new ArrayList<>();

    @Mixin
    DirectoryOptions directory;

    @Mixin
    SessionClient client;

    /** Standard input; replaced by tests. */
    InputStream stdin = System.in;
    /** DNS; replaced by tests. */
    NameResolver resolver = new JdkNameResolver();

    @Override
    public Integer call() throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (String a : answerArgs) {
            Answer parsed = Answer.parse(a);
            answers.removeIf(x -> x.question().id().equals(parsed.question().id()));
            answers.add(parsed);
        }
        // the text enters the product here: only its redacted form is kept, parsed, printed or saved
        EvidenceSet evidence = EvidenceReader.readFiles(evidenceFiles);
        // what the evidence proves is read with the text (core EvidenceSet.symptomText), the same way the wizard does
        RedactedText text = RedactedText.of(evidence.symptomText(
                evidenceFiles.isEmpty() || textFile != null ? readText() : ""));
        SessionReport report = SessionReport.start().withSymptom(text);
        Symptom symptom = SymptomParser.parse(text.text());
        Optional<TargetName> typed = target != null
                ? Optional.of(TargetName.parse(target))
                : symptom.target().map(TargetFact::name);
        // the SPN the evidence shows the client asked for replaces the name inferred from the typed one
        Optional<TargetName> name = evidence.lookupTarget(typed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnosis d;
        String mode;
        if (directory.anyGiven() && name.isPresent() && name.get().isDnsName()) {
            try (Directory dir = directory.open()) {
                // the same repair session as the wizard: lookup, DNS facts (live only) and the ranking
                RepairSession session = new RepairSession(dir, SessionConfig.defaults().withProbes(ProbeChoice.NONE)
                        .withNames(noDns ? Optional.empty() : Optional.of(resolver)));
                session.describe(text.text(), name.get(), evidence.items());
                client.applyTo(session);
                session.answered(answers);
                try {
                    LookupResult lookup = session.lookup();
                    mode = "verdict: text plus directory lookup of " + name.get().asTyped() + " (" + lookup.source().banner() + ")"
                            + (noDns || lookup.source().demo() ? "" : " and DNS");
                } catch (DirectoryException e) {
                    err.println("warning: the directory lookup failed: " + e.getMessage()
                            + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
                    mode = "hypothesis from text alone: the directory lookup failed";
                }
                Assessment a = session.assess();
                d = a.diagnosis();
                if (!json) {
                    mode = mode + "\n" + LookupCommand.verdictLine(a.verdict()) + "\n" + SessionClient.line(a.client());
                }
                report = session.report();
            } catch (DirectoryException e) {   // the directory could not even be opened
                err.println("warning: the directory lookup failed: " + e.getMessage()
                        + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
                d = Diagnoser.diagnoseAfterFailedLookup(symptom, e, answers);
                mode = "hypothesis from text alone: the directory lookup failed";
            }
        } else {
            Optional<NameFacts> names = name.filter(n -> !n.isDnsName())
                    .map(n -> NameFacts.check(n, Optional.empty(), resolver));
            d = Diagnoser.diagnose(symptom, Optional.empty(), names, answers);
            mode = "hypothesis from text alone" + (directory.anyGiven()
                    ? " (no target: give --target or paste an error that names the server)"
                    : " (add --demo or directory options and --target for a verdict)");
        }
        if (reportFile != null) {
            if (report.timeline().isEmpty()) {   // diagnosed from the text alone: no session ran
                report = report.withCauses(d.causes()).withTimeline(List.of(
                        TimelineEntry.now(TimelineEntry.Kind.SYMPTOM, text.isBlank() ? "No error text given"
                                : "Error text given (" + text.length() + " characters)", ""),
                        TimelineEntry.now(TimelineEntry.Kind.DIAGNOSIS, "Diagnosed from the text alone: " + mode, "")),
                        evidence.items());
            }
            FixCommand.writeReport(report, reportFile);
            err.println("Report written to " + reportFile);
        }
        if (json) {
            var root = DiagnosisJson.toJson(d);
            if (!evidenceFiles.isEmpty()) {
                EvidenceJson.addTo(root, evidence, typed);
            }
            out.println(LookupJson.MAPPER.writeValueAsString(root));
        } else {
            if (!evidenceFiles.isEmpty()) {
                printEvidence(out, evidence, typed);
            }
            print(out, d, mode);
        }
        return 0;
    }

    static void printEvidence(PrintWriter out, EvidenceSet evidence, Optional<TargetName> typed) {
        for (EvidenceItem i : evidence.items()) {
            out.println("From your evidence: " + i.source());
            i.facts().forEach(f -> wrap(out, f.toString(), "    ", "      "));
        }
        evidence.problems().forEach(p -> out.println("Not read: " + p));
        if (!evidence.notUsed().isEmpty()) {
            out.println("Not used (" + evidence.notUsed().size() + "): " + String.join("; ",
                    evidence.notUsed().subList(0, Math.min(5, evidence.notUsed().size())))
                    + (evidence.notUsed().size() > 5 ? "; …" : ""));
        }
        evidence.disagreement(typed).ifPresent(s -> wrap(out, "Note: " + s, "", "      "));
        out.println();
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
        for (Answer a : d.answers()) {
            out.println(a.said() + ".");
        }
        if (!d.answers().isEmpty()) {
            out.println();
        }
        int i = 0;
        for (RankedCause c : d.causes()) {
            i++;
            CauseInfo info = CauseCatalog.info(c.id());
            String words = Confidence.of(c).label();
            out.printf(Locale.ROOT, "%2d. %-11s %s (%s)%n", i, words, info.title(), c.id().id());
            if (i > DETAILED) {
                continue;
            }
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
        d.question().ifPresent(q -> question(out, q, DiagnosisJson.serverName(d)));
    }

    /** The deciding question, with the exact --answer arguments for each choice. */
    private static void question(PrintWriter out, Question q, Optional<String> server) {
        out.println("One " + (q.kind() == Question.Kind.CHECK ? "check" : "question") + " would separate the leading causes:");
        wrap(out, q.text(server), "  ", "  ");
        for (Question.Choice c : q.choices()) {
            out.printf(Locale.ROOT, "    --answer %s=%-16s %s%n", q.id(), c.value(), c.label());
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
