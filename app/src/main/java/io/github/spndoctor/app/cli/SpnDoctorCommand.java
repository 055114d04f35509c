package io.github.spndoctor.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level command: {@code spn-doctor <subcommand>}. */
@Command(name = "spn-doctor", mixinStandardHelpOptions = true, version = "SPN Doctor 0.1.0",
        description = "Finds and fixes the Kerberos SPN problems behind WinRM / PowerShell remoting errors "
                + "such as 0x80090322. Run without arguments to open the wizard.",
        subcommands = {LookupCommand.class, SpnCommand.class, ProbeCommand.class, DiagnoseCommand.class, RemediesCommand.class, ScanCommand.class, FixCommand.class, UndoCommand.class,
                ConvergeCommand.class, DemoCommand.class, FlowCommand.class,
                CommandLine.HelpCommand.class})
public final class SpnDoctorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SpnDoctorCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new CliErrors());
        try {
            return cl.execute(args);
        } finally {
            // print() does not flush an auto-flushing writer: without this, the last lines were lost at System.exit
            out.flush();
            err.flush();
        }
    }
}
