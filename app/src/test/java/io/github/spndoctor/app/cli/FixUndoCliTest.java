package io.github.spndoctor.app.cli;

import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fix and undo in one process against one demo directory (a CLI demo run starts a fresh server each time). */
class FixUndoCliTest {
    static DemoDirectory demo;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    record Run(int status, String out, String err) { }

    /** Runs the CLI with the shared demo directory, {@code stdin} as the console, and audit log in the temp dir. */
    Run run(String stdin, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object o = CommandLine.defaultFactory().create(cls);
                BufferedReader in = stdin == null ? new BufferedReader(new StringReader("")) : new BufferedReader(new StringReader(stdin));
                PlanExecutor ex = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
                if (o instanceof FixCommand f) {
                    f.opener = opts -> new Shared(demo);
                    f.input = in;
                    f.executor = ex;
                }
                if (o instanceof UndoCommand u) {
                    u.opener = opts -> new Shared(demo);
                    u.input = in;
                    u.executor = ex;
                }
                return cls.cast(o);
            }
        };
        CliRun r = CliRun.of(factory, args);
        return new Run(r.status(), r.out(), r.err());
    }

    static Map<String, String> state() throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (String base : DemoDirectory.BASE_DNS) {
            for (SearchResultEntry e : demo.server().search(base, SearchScope.SUB, "(servicePrincipalName=*)", "servicePrincipalName").getSearchEntries()) {
                String[] v = e.getAttributeValues("servicePrincipalName");
                Arrays.sort(v);
                m.put(e.getDN(), String.join("|", v));
            }
        }
        return m;
    }

    @Test
    void fixThenUndo_eachRemedy_leavesTheDirectoryExactlyAsBefore() throws Exception {
        for (String[] c : List.of(new String[] {"remove-spn", "srv003.rwwilden01.local"}, new String[] {"port-spn", "srv003.rwwilden01.local"},
                new String[] {"wsman-prefix", "DYNAMICS-CRM"})) {
            Map<String, String> before = state();
            Path journal = tmp.resolve(c[0] + ".ldif");
            Run fix = run(null, "fix", "--target", c[1], "--remedy", c[0], "--yes", "--journal", journal.toString(), "--no-kerberos");
            assertEquals(0, fix.status(), c[0] + ": " + fix.out() + fix.err());
            // remove-spn is proven in the directory; port-spn and wsman-prefix still need the client step
            assertTrue(fix.out().contains(c[0].equals("remove-spn") ? "Check: fixed" : "Check: done in the directory; steps remain"), fix.out());
            assertNotEquals(before, state());
            Run undo = run(null, "undo", "--journal", journal.toString(), "--yes");
            assertEquals(0, undo.status(), undo.out() + undo.err());
            assertEquals(before, state(), c[0]);
        }
    }

    @Test
    void wsmanPrefix_printsTheSpnPrefixRegistryStep() {
        Run r = run(null, "fix", "--target", "DYNAMICS-CRM", "--remedy", "wsman-prefix", "--yes", "--journal", tmp.resolve("j.ldif").toString(), "--no-kerberos");
        assertEquals(0, r.status(), r.err());
        String after = r.out().substring(r.out().indexOf("Now on the clients"));
        assertTrue(after.contains("reg add \"HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client\" /v spn_prefix /t REG_SZ /d WSMAN /f"), after);
        assertTrue(after.contains("\"spn_prefix\"=\"WSMAN\""), after);
    }

    @Test
    void dryRun_printsEveryFormat_andChangesNothing() throws Exception {
        Map<String, String> before = state();
        Run r = run(null, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "port-spn", "--dry-run");
        assertEquals(0, r.status(), r.err());
        for (String h : List.of("===== Summary", "===== setspn", "===== PowerShell", "===== LDIF", "===== .reg")) {
            assertTrue(r.out().contains(h), h);
        }
        assertTrue(r.out().contains("setspn -F -S HTTP/srv003:5985 SRV003"));
        assertTrue(r.out().contains("-IncludePortInSPN"));
        assertTrue(r.out().trim().endsWith("Dry run: nothing was changed."));
        assertEquals(before, state());
    }

    @Test
    void withoutYes_closedInput_refusesAndChangesNothing() throws Exception {
        Map<String, String> before = state();
        Run r = run(null, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, r.status());
        assertTrue(r.err().contains("No answer could be read"), r.err());
        assertEquals(before, state());
    }

    @Test
    void withoutYes_answerNo_cancels_answerYes_applies() throws Exception {
        Map<String, String> before = state();
        Run no = run("n\n", "fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, no.status());
        assertTrue(no.out().contains("Cancelled: nothing was changed."));
        assertEquals(before, state());
        Run yes = run("y\n", "fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--journal", tmp.resolve("y.ldif").toString(), "--no-kerberos");
        assertEquals(0, yes.status(), yes.out() + yes.err());
        assertTrue(yes.out().contains("[1/1] Remove HTTP/srv003.rwwilden01.local from svc-srv003-web$ (msa): applied"), yes.out());
        assertTrue(demo.findHolders(Spn.parse("HTTP/srv003.rwwilden01.local")).isEmpty());
    }

    @Test
    void notApplicable_exitsNonZeroWithTheReason() {
        Run r = run(null, "fix", "--target", "srv004.rwwilden01.local", "--remedy", "remove-spn", "--yes");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, r.status());
        assertTrue(r.err().contains("Nothing to remove"), r.err());
    }

    @Test
    void existingJournalFile_isNeverOverwritten() throws Exception {
        Path j = tmp.resolve("taken.ldif");
        Files.writeString(j, "someone's file");
        Map<String, String> before = state();
        Run r = run(null, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes", "--journal", j.toString());
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("someone's file", Files.readString(j));
        assertEquals(before, state());
    }

    @Test
    void setSpnPrefixHere_runsRegAdd_onlyOnWindows() throws Exception {
        List<List<String>> ran = new java.util.ArrayList<>();
        Run r = runWithRegistry(null, ran, "fix", "--target", "DYNAMICS-CRM", "--remedy", "wsman-prefix", "--yes", "--no-kerberos",
                "--journal", tmp.resolve("w.ldif").toString(), "--set-spn-prefix-here");
        int status = r.status();
        String out = r.out();
        String err = r.err();
        assertEquals(0, status, out + "" + err);
        assertEquals(1, ran.size());
        assertEquals(List.of("reg", "add"), ran.get(0).subList(0, 2));
        assertTrue(out.contains("spn_prefix on this machine: set to WSMAN"), out);
    }

    /** Runs with a fake Windows registry that records what it was asked to run. */
    Run runWithRegistry(String stdin, List<List<String>> ran, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object o = CommandLine.defaultFactory().create(cls);
                if (o instanceof DirectoryWriteCommand c) {
                    c.opener = opts -> new Shared(demo);
                    c.executor = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
                    c.input = new BufferedReader(new StringReader(stdin == null ? "" : stdin));
                    c.localPrefix = new io.github.spndoctor.core.remedy.LocalSpnPrefix((cmd, env) -> {
                        ran.add(cmd);
                        return new io.github.spndoctor.core.verify.CommandRunner.Result(0, "The operation completed successfully.");
                    }, true);
                }
                return cls.cast(o);
            }
        };
        CliRun r = CliRun.of(factory, args);
        return new Run(r.status(), r.out(), r.err());
    }

    /** Issue 9: undo --remove-spn-prefix-here changes nothing before the confirmation, and nothing at all with --dry-run. */
    @Test
    void removeSpnPrefixHere_waitsForTheConfirmation_andDryRunChangesNothing() throws Exception {
        List<List<String>> ran = new java.util.ArrayList<>();
        Path journal = tmp.resolve("w.ldif");
        Run fix = runWithRegistry(null, ran, "fix", "--target", "DYNAMICS-CRM", "--remedy", "wsman-prefix", "--yes",
                "--no-kerberos", "--journal", journal.toString(), "--set-spn-prefix-here");
        assertEquals(0, fix.status(), fix.err());
        ran.clear();
        Map<String, String> fixed = state();

        Run dry = runWithRegistry(null, ran, "undo", "--journal", journal.toString(), "--remove-spn-prefix-here", "--dry-run");
        assertEquals(0, dry.status(), dry.err());
        assertEquals(List.of(), ran, "--dry-run ran " + ran);
        assertEquals(fixed, state(), "--dry-run changed the directory");
        assertTrue(dry.out().contains("spn_prefix"), "the dry run says what it would do locally: " + dry.out());

        Run no = runWithRegistry("n\n", ran, "undo", "--journal", journal.toString(), "--remove-spn-prefix-here");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, no.status(), no.err());
        assertEquals(List.of(), ran, "answered no, yet ran " + ran);
        assertEquals(fixed, state());

        Run yes = runWithRegistry("y\n", ran, "undo", "--journal", journal.toString(), "--remove-spn-prefix-here");
        assertEquals(0, yes.status(), yes.out() + yes.err());
        assertEquals(1, ran.size(), "after the confirmation the registry value is removed: " + ran);
        assertEquals(List.of("reg", "delete"), ran.get(0).subList(0, 2));
        assertFalse(fixed.equals(state()), "and the directory is undone");
    }

    /** Issue 9: a journal edited so that undo would delete an SPN SPN Doctor never added is refused; nothing changes. */
    @Test
    void undo_ofAHandEditedJournal_thatWouldDeleteForeignSpns_isRefused() throws Exception {
        Path journal = tmp.resolve("p.ldif");
        Run fix = run(null, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "port-spn", "--yes", "--no-kerberos",
                "--journal", journal.toString());
        assertEquals(0, fix.status(), fix.err());
        String text = Files.readString(journal);
        // the computer held WSMAN/srv003 before the fix: claim the fix added it
        String edited = text.replaceFirst("\"spn\":\"HTTP/[^\"]*\"", "\"spn\":\"WSMAN/srv003\"");
        assertFalse(edited.equals(text));
        Files.writeString(journal, edited);
        Map<String, String> before = state();
        Run undo = run(null, "undo", "--journal", journal.toString(), "--yes");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, undo.status(), undo.out() + undo.err());
        assertEquals(before, state(), "nothing changed");
        assertTrue(state().values().stream().anyMatch(v -> v.contains("WSMAN/srv003|")), "WSMAN/srv003 is still there");
        assertTrue(undo.err().contains("Undo refused"), undo.err());
    }

    /** Issue 9: a journal from another kind of directory is refused before anything else, naming both. */
    @Test
    void undo_ofAJournalFromALiveDirectory_onTheDemo_isRefused() throws Exception {
        LookupResult l = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        var plan = io.github.spndoctor.core.remedy.Remedies.plan("port-spn", l, demo, new io.github.spndoctor.core.remedy.RemedySettings(false));
        Path journal = tmp.resolve("live.ldif");
        io.github.spndoctor.core.apply.Journal.createAt(journal,
                new DirectoryInfo(false, "dc1.rwwilden01.local:636", "alice@rwwilden01.local", false), l.target(), plan);
        Files.writeString(journal, Files.readString(journal) + "#@attempt {\"n\":1}\n#@outcome {\"n\":1,\"status\":\"applied\",\"detail\":\"\"}\n");
        Map<String, String> before = state();
        Run undo = run(null, "undo", "--journal", journal.toString(), "--yes");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, undo.status(), undo.out() + undo.err());
        assertEquals(before, state());
        assertTrue(undo.err().contains("live directory") && undo.err().contains("demo directory"), undo.err());
    }

    @Test
    void filterInjectionTarget_isRejectedWithAPlainMessage() {
        Run r = run(null, "fix", "--target", "*)(servicePrincipalName=*", "--remedy", "remove-spn", "--yes");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void deadServer_isADirectoryError_andNothingElseHappens() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SpnDoctorCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "fix", "--target", "srv003.lab.test",
                "--remedy", "remove-spn", "--yes", "--url", "ldaps://127.0.0.1:1", "--bind-upn", "a@lab.test", "--password-env", "PATH",
                "--connect-timeout", "2", "--allow-changes");
        assertEquals(CliErrors.EXIT_DIRECTORY, status, out + " / " + err);
        assertTrue(err.toString().contains("cannot be reached") || err.toString().contains("error:"), err.toString());
        assertFalse(out.toString().contains("Journal"), "no journal is written when the directory cannot be reached");
    }

    @Test
    void undo_withAFileThatIsNotAJournal_saysSo() throws Exception {
        Path notJournal = tmp.resolve("x.ldif");
        Files.writeString(notJournal, "dn: cn=x\nchangetype: delete\n");
        Run r = run(null, "undo", "--journal", notJournal.toString(), "--yes");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("not an SPN Doctor journal"), r.err());
    }

    @Test
    void unknownRemedy_isAnInputError() {
        Run r = run(null, "fix", "--target", "srv003", "--remedy", "reboot");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("Known remedies: remove-spn, port-spn"), r.err());
    }

    @Test
    void undo_ofADuplicateRemoval_explainsTheStepItLeavesOut() throws Exception {
        Path journal = tmp.resolve("dup.ldif");
        assertEquals(0, run(null, "fix", "--target", "app01.contoso.com", "--remedy", "remove-spn", "--yes", "--journal", journal.toString(), "--no-kerberos").status());
        Run undo = run(null, "undo", "--journal", journal.toString(), "--dry-run");
        assertEquals(0, undo.status(), undo.err());
        assertTrue(undo.out().contains("would make it a duplicate"), undo.out());
        assertTrue(undo.out().contains("Dry run: nothing was changed."));
    }

    @Test
    void failingChange_exitsNonZero_andNamesTheJournal() throws Exception {
        // another writer takes the port SPN between the check and the write: the DC refuses the duplicate
        Path journal = tmp.resolve("fail.ldif");
        Run r = runWithSabotage(journal);
        assertEquals(FixCommand.EXIT_APPLY_FAILED, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("spn-doctor undo --journal " + journal), r.err());
        assertTrue(r.out().contains("Stopped at change 1 of 2"), r.out());
    }

    private Run runWithSabotage(Path journal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object o = CommandLine.defaultFactory().create(cls);
                if (o instanceof FixCommand f) {
                    f.opener = opts -> new Shared(demo) {
                        boolean sabotaged;

                        @Override
                        public void apply(SpnChange change) throws DirectoryException {
                            if (!sabotaged) {
                                sabotaged = true;
                                LookupResult l = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
                                demo.apply(new SpnChange.Add(l.registration(Spn.parse("HTTP/srv003.rwwilden01.local")).orElseThrow().holders().get(0), change.spn()));
                            }
                            super.apply(change);
                        }
                    };
                    f.executor = new PlanExecutor(new AuditLog(tmp.resolve("audit.log")));
                }
                return cls.cast(o);
            }
        };
        CliRun r = CliRun.of(factory, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "port-spn", "--yes", "--journal", journal.toString(), "--no-kerberos");
        return new Run(r.status(), r.out(), r.err());
    }

    @Test
    void readOnlyConnection_printsTheScriptAndChangesNothing() throws Exception {
        Map<String, String> before = state();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SpnDoctorCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object o = CommandLine.defaultFactory().create(cls);
                if (o instanceof FixCommand f) {
                    f.opener = opts -> new Shared(demo) {
                        @Override
                        public DirectoryInfo info() { return new DirectoryInfo(false, "dc1.lab.test", "reader@lab.test", true); }
                    };
                }
                return cls.cast(o);
            }
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute("fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes");
        assertEquals(FixCommand.EXIT_NOT_APPLIED, status);
        assertTrue(out.toString().contains("setspn -D HTTP/srv003.rwwilden01.local svc-srv003-web$"));
        assertTrue(err.toString().contains("read-only"));
        assertEquals(before, state());
    }

    @Test
    void save_writesEveryFormatForAnAdministrator() throws Exception {
        Path dir = tmp.resolve("scripts");
        Run r = run(null, "fix", "--target", "DYNAMICS-CRM", "--remedy", "wsman-prefix", "--dry-run", "--save", dir.toString());
        assertEquals(0, r.status(), r.err());
        for (String ext : List.of("txt", "cmd", "ps1", "ldif", "reg")) {
            Path f = dir.resolve("spn-doctor-DYNAMICS-CRM-wsman-prefix." + ext);
            assertTrue(Files.size(f) > 0, ext);
        }
        assertTrue(Files.readString(dir.resolve("spn-doctor-DYNAMICS-CRM-wsman-prefix.reg")).contains("\"spn_prefix\"=\"WSMAN\""));
        assertTrue(Files.readString(dir.resolve("spn-doctor-DYNAMICS-CRM-wsman-prefix.cmd")).contains("setspn -F -S WSMAN/DYNAMICS-CRM DYNAMICS-CRM"));
    }

    /** Issue 9: fix --report --text-file writes the same report as the wizard: redacted text and the timeline. */
    @Test
    void report_holdsTheRedactedTextAndTheTimeline() throws Exception {
        Path text = tmp.resolve("t.txt");
        Files.writeString(text, io.github.spndoctor.app.fixture.SecretForms.TEXT);
        Path report = tmp.resolve("fix.md");
        Run r = run(null, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "remove-spn", "--yes", "--no-kerberos",
                "--journal", tmp.resolve("j.ldif").toString(), "--report", report.toString(), "--text-file", text.toString());
        assertEquals(0, r.status(), r.err());
        String page = Files.readString(report);
        for (String f : io.github.spndoctor.app.fixture.SecretForms.fragments()) {
            assertFalse(page.contains(f), f + " in: " + page);
        }
        assertTrue(page.contains("## Symptom") && page.contains("0x80090322"), page);
        // the session's timeline, every step in the order it happened (the same table the wizard's report has)
        int at = page.indexOf("Timeline");
        assertTrue(at > 0, "no timeline: " + page);
        for (String step : List.of("| Symptom |", "| Look up |", "| Plan |", "| Re-check at commit |", "| Apply |", "| Check |")) {
            int next = page.indexOf(step, at);
            assertTrue(next > at, step + " missing or out of order: " + page.substring(page.indexOf("Timeline")));
            at = next;
        }
    }

    @Test
    void report_isWrittenAsHtml() throws Exception {
        Path report = tmp.resolve("r.html");
        Run r = run(null, "fix", "--target", "srv003.rwwilden01.local", "--remedy", "port-spn", "--dry-run", "--report", report.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("HTTP/srv003:5985"));
    }

    /** The shared demo directory without its close(): each command closes what it opened. */
    static class Shared implements Directory {
        final DemoDirectory d;

        Shared(DemoDirectory d) { this.d = d; }

        @Override public DirectoryInfo info() { return d.info(); }
        @Override public LookupResult lookup(TargetName t) throws DirectoryException { return d.lookup(t); }
        @Override public List<Account> findHolders(Spn s) throws DirectoryException { return d.findHolders(s); }
        @Override public List<Account> findDelegatingTo(Spn s) throws DirectoryException { return d.findDelegatingTo(s); }
        @Override public Optional<Account> readAccount(String dn) throws DirectoryException { return d.readAccount(dn); }
        @Override public void apply(SpnChange c) throws DirectoryException { d.apply(c); }
        @Override public void close() { }
    }
}
