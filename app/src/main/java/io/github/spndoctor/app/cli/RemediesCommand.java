package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.RemedyOption;
import io.github.spndoctor.core.report.LookupJson;
import io.github.spndoctor.core.report.RemedyJson;
import io.github.spndoctor.core.session.Assessment;
import io.github.spndoctor.core.session.ProbeChoice;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.session.SessionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code remedies --target NAME [--text-file F | stdin] [directory options] [--json]}: the remedy list of the
 * wizard's Remedy page, from the same core repair session — every remedy, recommended first, applicable or not for
 * this host and the session's client ({@code --client}, else the one the text names, else Windows PowerShell), with
 * why and the risk.
 */
@Command(name = "remedies", mixinStandardHelpOptions = true,
        description = {"List every remedy for a host: which ones apply to it and to the client in the error text, which "
                + "one is recommended, why, and the risk. The same list the wizard's Remedy page shows.",
                "Reads the error text from --text-file or from standard input (give --text-file /dev/null for none)."})
public final class RemediesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The server name as typed in Enter-PSSession.")
    String target;

    @Option(names = "--text-file", paramLabel = "FILE", description = "Read the error text from this file ('-' for standard input, the default).")
    String textFile;

    @Option(names = "--json", description = "Print JSON: {\"target\", \"verdict\", \"client\", \"options\": [{\"id\", \"applicable\", \"recommended\", \"why\", \"risk\"}]}.")
    boolean json;

    @Mixin
    DirectoryOptions directory;

    @Mixin
    SessionClient client;

    /** Standard input; replaced by tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = readText();
        TargetName name = TargetName.parse(target);
        try (Directory dir = directory.open()) {
            RepairSession s = new RepairSession(dir, SessionConfig.defaults().withProbes(ProbeChoice.NONE));
            s.describe(text, name);
            client.applyTo(s);
            try {
                s.lookup();
            } catch (DirectoryException e) {
                err.println("warning: the directory lookup failed: " + e.getMessage());
            }
            Assessment a = s.assess();
            List<RemedyOption> options = s.remedies();
            if (json) {
                var c = a.client();
                var named = c.source() == io.github.spndoctor.core.session.ClientChoice.Source.DEFAULT
                        ? Optional.<io.github.spndoctor.core.spn.WinrmClient>empty() : Optional.of(c.client());
                out.println(LookupJson.MAPPER.writeValueAsString(RemedyJson.toJson(name.asTyped(), a.verdict(), named,
                        c.client(), c.source().id(), options)));
            } else {
                print(out, a, options);
            }
        }
        return 0;
    }

    static void print(PrintWriter out, Assessment a, List<RemedyOption> options) {
        out.println(LookupCommand.verdictLine(a.verdict()));
        out.println(SessionClient.line(a.client()));
        if (!a.verdict().nextChecks().isEmpty()) {
            out.println("Check next:");
            a.verdict().nextChecks().forEach(c -> out.println("  - " + c));
        }
        out.println();
        out.printf(Locale.ROOT, "%-22s %-11s %-11s %s%n", "REMEDY", "RECOMMENDED", "APPLICABLE", "WHY");
        for (RemedyOption o : options) {
            out.printf(Locale.ROOT, "%-22s %-11s %-11s %s%n", o.id(), o.recommended() ? "yes" : "-", o.applicable() ? "yes" : "no", o.why());
            out.printf(Locale.ROOT, "%-22s %-11s %-11s Risk: %s%n", "", "", "", o.risk());
        }
        if (options.isEmpty()) {
            out.println("(no remedies: the host could not be looked up)");
        }
    }

    private String readText() throws java.io.IOException {
        return readText(textFile, stdin);
    }

    /** The text of {@code --text-file} ({@code null} or '-': standard input), bounded and decoded as diagnose does. */
    static String readText(String textFile, InputStream stdin) throws java.io.IOException {
        byte[] bytes;
        if (textFile == null || textFile.equals("-")) {
            bytes = stdin.readNBytes(DiagnoseCommand.MAX_INPUT_BYTES);
        } else {
            Path p = Path.of(textFile);
            if (Files.isDirectory(p)) {
                throw new IllegalArgumentException("--text-file " + textFile + " is a directory, not a text file.");
            }
            try (InputStream in = Files.newInputStream(p)) {
                bytes = in.readNBytes(DiagnoseCommand.MAX_INPUT_BYTES);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("--text-file " + textFile + " does not exist.");
            }
        }
        return DiagnoseCommand.decode(bytes);
    }
}
