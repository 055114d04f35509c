package io.github.spndoctor.core.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.ClientSteps;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.render.Ldif;

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
 * file allows a complete undo even after a crash. Thread-safe.
 */
public final class Journal {
    static final int FORMAT = 1;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
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
    private final Set<Integer> attempted = new LinkedHashSet<>();
    private final Map<Integer, ChangeOutcome> outcomes = new LinkedHashMap<>();
    /** Why this journal cannot be trusted for undo (hand edits); empty for a journal as written. */
    private final List<String> problems = new ArrayList<>();
    private String endMessage;

    private Journal(Path file, Instant created, String target, String server, String identity, boolean demo, String remedyId,
                    String title, List<Account> before, List<SpnChange> changes) {
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
                plan.remedyId(), plan.title(), basisFor(plan), plan.changes());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(j.header().getBytes(StandardCharsets.UTF_8)));
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

    private String header() {
        StringBuilder sb = new StringBuilder();
        sb.append("# SPN Doctor journal (format ").append(FORMAT).append(")\n");
        sb.append("# Keep this file: `spn-doctor undo --journal <this file>` reads it to put everything back.\n");
        sb.append("# Records below are the forward changes in order; the inverse of each follows it as comment lines.\n");
        sb.append("# created: ").append(created).append('\n');
        sb.append("# target: ").append(oneLine(target)).append('\n');
        sb.append("# directory: ").append(oneLine(server)).append(demo ? " (demo)" : "").append('\n');
        sb.append("# bound identity: ").append(oneLine(identity)).append('\n');
        sb.append("# remedy: ").append(remedyId).append(" - ").append(oneLine(title)).append('\n');
        ObjectNode h = JSON.createObjectNode();
        h.put("format", FORMAT);
        h.put("created", created.toString());
        h.put("target", target);
        h.put("server", server);
        h.put("identity", identity);
        h.put("demo", demo);
        h.put("remedy", remedyId);
        h.put("title", title);
        sb.append("#@journal ").append(h).append('\n');
        for (Account a : before) {
            sb.append("#@before ").append(account(a)).append('\n');
        }
        for (int i = 0; i < changes.size(); i++) {
            sb.append("#@change ").append(change(i + 1, changes.get(i))).append('\n');
        }
        ObjectNode seal = JSON.createObjectNode();
        seal.put("sha256", seal(sb.toString().lines().filter(Journal::sealed).toList()));
        sb.append("#@seal ").append(seal).append('\n');
        for (int i = 0; i < changes.size(); i++) {
            SpnChange c = changes.get(i);
            sb.append("\n# ").append(i + 1).append(". ").append(oneLine(c.description())).append('\n');
            sb.append(Ldif.modify(c));
            sb.append("# inverse of ").append(i + 1).append(": ").append(oneLine(c.inverse().description())).append('\n');
            for (String line : Ldif.modify(c.inverse()).split("\n")) {
                sb.append("#   ").append(line).append('\n');
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    /** The lines the seal covers: what undo is computed from. */
    private static boolean sealed(String line) {
        return line.startsWith("#@journal ") || line.startsWith("#@before ") || line.startsWith("#@change ");
    }

    /** SHA-256 (hex) over the sealed lines, each ending in a newline. */
    private static String seal(List<String> lines) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]", " ");
    }

    private static ObjectNode account(Account a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("dn", a.ref().dn());
        n.put("sam", a.ref().samAccountName());
        n.put("kind", a.ref().kind().id());
        n.put("uac", a.userAccountControl());
        ArrayNode spns = n.putArray("spns");
        a.spns().forEach(s -> spns.add(s.toString()));
        return n;
    }

    private static ObjectNode change(int n, SpnChange c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", n);
        o.put("op", c instanceof SpnChange.Add ? "add" : "delete");
        o.put("dn", c.account().dn());
        o.put("sam", c.account().samAccountName());
        o.put("kind", c.account().kind().id());
        o.put("spn", c.spn().toString());
        return o;
    }

    /** Appends and forces: change {@code index} (0-based) is about to be sent. */
    public synchronized void recordAttempt(int index) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", index + 1);
        o.put("at", Instant.now().toString());
        append("#@attempt " + o + "\n");
        attempted.add(index + 1);
    }

    /** Appends and forces the outcome of change {@code index} (0-based). */
    public synchronized void recordOutcome(int index, ChangeOutcome outcome) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", index + 1);
        o.put("status", outcome.status().id());
        o.put("at", Instant.now().toString());
        o.put("detail", outcome.detail());
        append("#@outcome " + o + "\n");
        outcomes.put(index + 1, outcome);
    }

    /** Appends and forces the closing line with the final message. */
    public synchronized void recordEnd(String message) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", Instant.now().toString());
        o.put("message", message);
        append("#@end " + o + "\n");
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
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No journal at " + file + ".");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + " is too large to be an SPN Doctor journal.");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        JsonNode head = null;
        List<Account> before = new ArrayList<>();
        Map<Integer, SpnChange> changes = new LinkedHashMap<>();
        List<JsonNode> attempts = new ArrayList<>();
        List<JsonNode> outcomes = new ArrayList<>();
        JsonNode end = null;
        JsonNode sealLine = null;
        List<String> sealedLines = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("#@")) {
                continue;
            }
            if (sealed(line)) {
                sealedLines.add(line);
            }
            int sp = line.indexOf(' ');
            if (sp < 0) {
                continue;
            }
            String kind = line.substring(2, sp);
            JsonNode n;
            try {
                n = JSON.readTree(line.substring(sp + 1));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " is damaged: a #@" + kind + " line cannot be read.");
            }
            switch (kind) {
                case "journal" -> head = n;
                case "before" -> before.add(toAccount(n));
                case "change" -> changes.put(n.path("n").asInt(), toChange(n));
                case "attempt" -> attempts.add(n);
                case "outcome" -> outcomes.add(n);
                case "end" -> end = n;
                case "seal" -> sealLine = n;
                default -> { }
            }
        }
        if (head == null) {
            throw new IllegalArgumentException(file + " is not an SPN Doctor journal (no #@journal header).");
        }
        if (head.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException(file + " has journal format " + head.path("format").asText() + "; this version reads format " + FORMAT + ".");
        }
        List<SpnChange> ordered = new ArrayList<>();
        for (int i = 1; i <= changes.size(); i++) {
            SpnChange c = changes.get(i);
            if (c == null) {
                throw new IllegalArgumentException(file + " is damaged: change " + i + " is missing.");
            }
            ordered.add(c);
        }
        Journal j = new Journal(file, Instant.parse(head.path("created").asText()), head.path("target").asText(),
                head.path("server").asText(), head.path("identity").asText(), head.path("demo").asBoolean(),
                head.path("remedy").asText(), head.path("title").asText(), before, ordered);
        for (JsonNode a : attempts) {
            j.attempted.add(a.path("n").asInt());
        }
        for (JsonNode o : outcomes) {
            int n = o.path("n").asInt();
            if (n >= 1 && n <= ordered.size()) {
                j.outcomes.put(n, new ChangeOutcome(ordered.get(n - 1), ChangeOutcome.Status.fromId(o.path("status").asText()),
                        o.path("detail").asText()));
            }
        }
        j.endMessage = end == null ? null : end.path("message").asText();
        if (sealLine == null) {
            j.problems.add("The journal has no seal line: it was not written by this version of SPN Doctor, or it was edited.");
        } else if (!sealLine.path("sha256").asText().equals(seal(sealedLines))) {
            j.problems.add("The journal was changed after SPN Doctor wrote it (its seal does not match its header lines).");
        }
        j.problems.addAll(j.beforeStateProblems());
        return j;
    }

    private static Account toAccount(JsonNode n) {
        List<Spn> spns = new ArrayList<>();
        n.path("spns").forEach(s -> spns.add(Spn.parse(s.asText())));
        return new Account(new AccountRef(n.path("dn").asText(), n.path("sam").asText(), AccountKind.fromId(n.path("kind").asText())),
                spns, Optional.empty(), n.path("uac").asInt(), List.of());
    }

    private static SpnChange toChange(JsonNode n) {
        AccountRef ref = new AccountRef(n.path("dn").asText(), n.path("sam").asText(), AccountKind.fromId(n.path("kind").asText()));
        Spn spn = Spn.parse(n.path("spn").asText());
        return switch (n.path("op").asText()) {
            case "add" -> new SpnChange.Add(ref, spn);
            case "delete" -> new SpnChange.Remove(ref, spn);
            default -> throw new IllegalArgumentException("Unknown journal operation: " + n.path("op").asText());
        };
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
        return new Plan(remedyId, "Undo: " + title, inverse, steps, warnings, expectedNow(maybe));
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

    public synchronized Map<Integer, ChangeOutcome> outcomes() { return Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)); }

    /** The final message, when the run finished normally. */
    public synchronized Optional<String> endMessage() { return Optional.ofNullable(endMessage); }

    @Override
    public String toString() {
        return "Journal[" + file + ", " + remedyId + " on " + target + ", " + changes.size() + " change(s)]";
    }
}
