package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.ClientSteps;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The undo journal of one apply: an LDIF file whose records are the forward changes, each followed by its inverse as
 * comment lines, with machine-readable {@code #@} comment lines for the header (time, target, server, bound identity
 * - never a password), the prior state of every account, each attempt and each outcome. It is written and forced to
 * disk before the first directory write, and every attempt and outcome is appended and forced as it happens, so the
 * file allows a complete undo even after a crash. The file's format, sealing and reading are {@link JournalFormat}'s;
 * this class holds one journal's state, writes it to disk and computes the undo from it. Thread-safe.
 */
public final class Journal {
    static final long MAX_BYTES = JournalFormat.MAX_BYTES;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Instant created;
    private final String target;
    private final String server;
    private final String identity;
    private final boolean demo;
    private final String remedyId;
    private final String title;
    private final List<Account> before;
    private final List<SpnChange> changes;
    /** DNS alias changes (the demo's CNAME break), numbered after the SPN changes in attempts and outcomes. */
    private final List<AliasChange> aliases;
    private final Map<Integer, AliasOutcome> aliasOutcomes = new LinkedHashMap<>();
    private final Set<Integer> attempted = new LinkedHashSet<>();
    private final Map<Integer, ChangeOutcome> outcomes = new LinkedHashMap<>();
    private final Map<Integer, Instant> outcomeTimes = new LinkedHashMap<>();
    /** Why this journal cannot be trusted for undo (hand edits); empty for a journal as written. */
    private final List<String> problems = new ArrayList<>();
    private String endMessage;

    private Journal(Path file, Instant created, String target, String server, String identity, boolean demo, String remedyId,
                    String title, List<Account> before, List<SpnChange> changes, List<AliasChange> aliases) {
        this.file = file;
        this.created = created;
        this.target = target;
        this.server = server;
        this.identity = identity;
        this.demo = demo;
        this.remedyId = remedyId;
        this.title = title;
        this.before = List.copyOf(before);
        this.changes = List.copyOf(changes);
        this.aliases = List.copyOf(aliases);
    }

    /** Creates a new journal in {@code dir} (e.g. {@link StatePaths#journals()}), named after time, target and remedy. */
    public static Journal create(Path dir, DirectoryInfo info, TargetName target, Plan plan) throws IOException {
        Instant now = Instant.now();
        String name = FILE_TIME.format(now) + "-" + safe(target.asTyped()) + "-" + safe(plan.remedyId());
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".ldif");
        for (int i = 2; Files.exists(file); i++) {
            file = dir.resolve(name + "-" + i + ".ldif");
        }
        return createAt(file, info, target, plan);
    }

    /** Creates a journal at exactly {@code file}; refuses to overwrite an existing file. */
    public static Journal createAt(Path file, DirectoryInfo info, TargetName target, Plan plan) throws IOException {
        Journal j = new Journal(file, Instant.now(), target.asTyped(), info.server(), info.boundIdentity(), info.demo(),
                plan.remedyId(), plan.title(), basisFor(plan), plan.changes(), plan.aliases());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(JournalFormat.header(j).getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        DiskSync.directory(file.toAbsolutePath().getParent());
        return j;
    }

    private static List<Account> basisFor(Plan plan) {
        List<Account> out = new ArrayList<>();
        for (AccountRef ref : plan.accounts()) {
            plan.basisOf(ref).ifPresent(out::add);
        }
        return out;
    }

    private static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.length() > 60 ? t.substring(0, 60) : t;
    }

    /** Appends and forces: change {@code index} (0-based) is about to be sent. */
    public synchronized void recordAttempt(int index) throws IOException {
        append(JournalFormat.attemptLine(index + 1, Instant.now()));
        attempted.add(index + 1);
    }

    /** Appends and forces the outcome of change {@code index} (0-based). */
    public synchronized void recordOutcome(int index, ChangeOutcome outcome) throws IOException {
        Instant at = Instant.now();
        append(JournalFormat.outcomeLine(index + 1, outcome, at));
        outcomes.put(index + 1, outcome);
        outcomeTimes.put(index + 1, at);
    }

    /** Appends and forces: alias change {@code index} (0-based, numbered after the SPN changes) is about to be made. */
    public synchronized void recordAliasAttempt(int index) throws IOException {
        int n = changes.size() + index + 1;
        append(JournalFormat.attemptLine(n, Instant.now()));
        attempted.add(n);
    }

    /** Appends and forces the outcome of alias change {@code index} (0-based). */
    public synchronized void recordAliasOutcome(int index, AliasOutcome outcome) throws IOException {
        int n = changes.size() + index + 1;
        Instant at = Instant.now();
        append(JournalFormat.outcomeLine(n, outcome.status(), outcome.detail(), at));
        aliasOutcomes.put(n, outcome);
        outcomeTimes.put(n, at);
    }

    /** Appends and forces the closing line with the final message. */
    public synchronized void recordEnd(String message) throws IOException {
        append(JournalFormat.endLine(message, Instant.now()));
        endMessage = message;
    }

    private void append(String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    /**
     * Reads a journal written by {@link #create}.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not an SPN Doctor journal (message says what is wrong)
     */
    public static Journal read(Path file) throws IOException {
        JournalFormat.Contents c = JournalFormat.read(file);
        Journal j = new Journal(file, c.created(), c.target(), c.server(), c.identity(), c.demo(), c.remedyId(), c.title(),
                c.before(), c.changes(), c.aliases());
        j.attempted.addAll(c.attempted());
        j.outcomes.putAll(c.outcomes());
        j.aliasOutcomes.putAll(c.aliasOutcomes());
        j.outcomeTimes.putAll(c.outcomeTimes());
        j.endMessage = c.endMessage();
        c.sealProblem().ifPresent(j.problems::add);
        j.problems.addAll(j.beforeStateProblems());
        return j;
    }

    /**
     * The changes that may have reached the directory: applied ones, ones whose result is unknown, and ones that were
     * attempted with no recorded outcome (a crash mid-write). In plan order.
     */
    public synchronized List<SpnChange> possiblyApplied() {
        List<SpnChange> out = new ArrayList<>();
        for (int n = 1; n <= changes.size(); n++) {
            ChangeOutcome o = outcomes.get(n);
            boolean maybe = o == null ? attempted.contains(n)
                    : o.status() == ChangeOutcome.Status.APPLIED || o.status() == ChangeOutcome.Status.UNKNOWN;
            if (maybe) {
                out.add(changes.get(n - 1));
            }
        }
        return out;
    }

    /**
     * The plan that puts back what this run changed: the inverse of every change that may have been applied, last
     * first. Its basis is the state the accounts should be in now. Changes whose outcome is uncertain are included;
     * the recheck before applying drops those that turn out not to be needed.
     */
    public synchronized Plan undoPlan() {
        List<AliasChange> maybeAliases = possiblyAppliedAliases();
        List<AliasChange> aliasesBack = new ArrayList<>();
        for (int i = maybeAliases.size() - 1; i >= 0; i--) {
            aliasesBack.add(maybeAliases.get(i).inverse());
        }
        List<SpnChange> maybe = possiblyApplied();
        List<SpnChange> inverse = new ArrayList<>();
        for (int i = maybe.size() - 1; i >= 0; i--) {
            inverse.add(maybe.get(i).inverse());
        }
        List<ClientStep> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (Remedies.WSMAN_PREFIX.equals(remedyId)) {
            steps.add(new ClientStep("Clients: remove the spn_prefix value again",
                    "Undoing the directory part does not touch clients. Where spn_prefix was set, remove it, or those clients "
                            + "keep asking for WSMAN/ SPNs.",
                    "cmd", String.join(" ", ClientSteps.regDeleteArgs().stream()
                            .map(a -> a.contains("\\") ? "\"" + a + "\"" : a).toList())));
        }
        if (Remedies.PORT_SPN.equals(remedyId)) {
            warnings.add("Clients that were told to use -IncludePortInSPN will fail once the port SPNs are gone.");
        }
        return new Plan(remedyId, Plan.UNDO_PREFIX + title, inverse, steps, warnings, expectedNow(maybe), aliasesBack);
    }

    /** The alias changes that may have been made (applied, unknown, or attempted with no outcome), in plan order. */
    public synchronized List<AliasChange> possiblyAppliedAliases() {
        List<AliasChange> out = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            int n = changes.size() + i + 1;
            AliasOutcome o = aliasOutcomes.get(n);
            boolean maybe = o == null ? attempted.contains(n)
                    : o.status() == ChangeOutcome.Status.APPLIED || o.status() == ChangeOutcome.Status.UNKNOWN;
            if (maybe) {
                out.add(aliases.get(i));
            }
        }
        return out;
    }

    /** The accounts as they should be after the applied changes (the prior state plus what was applied). */
    private List<Account> expectedNow(List<SpnChange> applied) {
        List<Account> out = new ArrayList<>();
        for (Account a : before) {
            List<Spn> spns = new ArrayList<>(a.spns());
            for (SpnChange c : applied) {
                if (!c.account().sameEntry(a.ref())) {
                    continue;
                }
                if (c instanceof SpnChange.Add) {
                    if (!spns.contains(c.spn())) {
                        spns.add(c.spn());
                    }
                } else {
                    spns.remove(c.spn());
                }
            }
            out.add(new Account(a.ref(), spns, a.dnsHostName(), a.userAccountControl(), a.allowedToDelegateTo()));
        }
        return out;
    }

    /**
     * When the last change that may have reached the directory was written (its recorded outcome), or the journal's
     * creation time when none has a time: the moment replication to the other DCs starts from.
     */
    public synchronized Instant lastWriteAt() {
        Instant last = null;
        for (Map.Entry<Integer, AliasOutcome> e : aliasOutcomes.entrySet()) {
            Instant at = outcomeTimes.get(e.getKey());
            if (e.getValue().status() == ChangeOutcome.Status.APPLIED && at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        for (Map.Entry<Integer, ChangeOutcome> e : outcomes.entrySet()) {
            ChangeOutcome.Status st = e.getValue().status();
            Instant at = outcomeTimes.get(e.getKey());
            if ((st == ChangeOutcome.Status.APPLIED || st == ChangeOutcome.Status.UNKNOWN) && at != null
                    && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        return last != null ? last : created;
    }

    /**
     * Reasons this journal cannot be trusted for undo, found when it was read: a missing or broken seal, or a change
     * that does not fit the prior state it records (an "add" of an SPN the account already held - undoing it would
     * delete something SPN Doctor never added; a "delete" of one it did not hold). Empty for a journal as written.
     */
    public List<String> integrityProblems() { return List.copyOf(problems); }

    private List<String> beforeStateProblems() {
        List<String> out = new ArrayList<>();
        for (SpnChange c : changes) {
            Optional<Account> then = before.stream().filter(a -> a.ref().sameEntry(c.account())).findFirst();
            if (then.isEmpty()) {
                out.add("The journal changes " + c.account().label() + " but records no prior state for it.");
            } else if (c instanceof SpnChange.Add && then.get().holds(c.spn())) {
                out.add("The journal says " + c.spn() + " was added to " + c.account().label() + ", but the account already "
                        + "held it before: undo would delete an SPN that SPN Doctor never added.");
            } else if (c instanceof SpnChange.Remove && !then.get().holds(c.spn())) {
                out.add("The journal says " + c.spn() + " was removed from " + c.account().label() + ", but the account did "
                        + "not hold it before: undo would add an SPN that was never there.");
            }
        }
        return out;
    }

    public Path file() { return file; }

    public Instant created() { return created; }

    public String target() { return target; }

    public String server() { return server; }

    public String boundIdentity() { return identity; }

    public boolean demo() { return demo; }

    public String remedyId() { return remedyId; }

    public String title() { return title; }

    /** Every account the plan touched, as it was before the first change. */
    public List<Account> before() { return before; }

    public List<SpnChange> changes() { return changes; }

    /** The DNS alias changes (the demo's CNAME break), after the SPN changes. */
    public List<AliasChange> aliases() { return aliases; }

    /** Outcomes of the alias changes, by their number (after the SPN changes' numbers). */
    public synchronized Map<Integer, AliasOutcome> aliasOutcomes() { return Collections.unmodifiableMap(new LinkedHashMap<>(aliasOutcomes)); }

    public synchronized Map<Integer, ChangeOutcome> outcomes() { return Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)); }

    /** The final message, when the run finished normally. */
    public synchronized Optional<String> endMessage() { return Optional.ofNullable(endMessage); }

    @Override
    public String toString() {
        return "Journal[" + file + ", " + remedyId + " on " + target + ", " + io.github.spndoctor.core.render.Words.changes(changes.size() + aliases.size()) + "]";
    }
}
