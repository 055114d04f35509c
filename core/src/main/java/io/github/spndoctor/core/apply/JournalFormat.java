package io.github.spndoctor.core.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.render.Ldif;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The journal's file format (ADR 0400): the header with its machine lines and the seal over them, the LDIF records
 * with their inverses as comments, the appended {@code #@attempt} / {@code #@outcome} / {@code #@end} lines, and
 * reading all of it back. {@link Journal} holds the state and does the writing to disk. Stateless.
 */
final class JournalFormat {
    static final int FORMAT = 1;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalFormat() {}

    /** What a journal file says, as read. */
    record Contents(Instant created, String target, String server, String identity, boolean demo, String remedyId,
                    String title, List<Account> before, List<SpnChange> changes, List<AliasChange> aliases,
                    Set<Integer> attempted, Map<Integer, ChangeOutcome> outcomes, Map<Integer, AliasOutcome> aliasOutcomes,
                    Map<Integer, Instant> outcomeTimes, String endMessage, Optional<String> sealProblem) {}

    /** The text written (and forced) before the first change: comments for people, sealed machine lines, records. */
    static String header(Journal j) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SPN Doctor journal (format ").append(FORMAT).append(")\n");
        sb.append("# Keep this file: `spn-doctor undo --journal <this file>` reads it to put everything back.\n");
        sb.append("# Records below are the forward changes in order; the inverse of each follows it as comment lines.\n");
        sb.append("# created: ").append(j.created()).append('\n');
        sb.append("# target: ").append(oneLine(j.target())).append('\n');
        sb.append("# directory: ").append(oneLine(j.server())).append(j.demo() ? " (demo)" : "").append('\n');
        sb.append("# bound identity: ").append(oneLine(j.boundIdentity())).append('\n');
        sb.append("# remedy: ").append(j.remedyId()).append(" - ").append(oneLine(j.title())).append('\n');
        ObjectNode h = JSON.createObjectNode();
        h.put("format", FORMAT);
        h.put("created", j.created().toString());
        h.put("target", j.target());
        h.put("server", j.server());
        h.put("identity", j.boundIdentity());
        h.put("demo", j.demo());
        h.put("remedy", j.remedyId());
        h.put("title", j.title());
        sb.append("#@journal ").append(h).append('\n');
        for (Account a : j.before()) {
            sb.append("#@before ").append(account(a)).append('\n');
        }
        List<SpnChange> changes = j.changes();
        for (int i = 0; i < changes.size(); i++) {
            sb.append("#@change ").append(change(i + 1, changes.get(i))).append('\n');
        }
        List<AliasChange> aliases = j.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            sb.append("#@alias ").append(alias(changes.size() + i + 1, aliases.get(i))).append('\n');
        }
        ObjectNode seal = JSON.createObjectNode();
        seal.put("sha256", seal(sb.toString().lines().filter(JournalFormat::sealed).toList()));
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
        for (int i = 0; i < aliases.size(); i++) {
            AliasChange a = aliases.get(i);
            int n = changes.size() + i + 1;
            sb.append("\n# ").append(n).append(". ").append(oneLine(a.description())).append('\n');
            sb.append("# (a DNS record of the demo, not an LDIF record: CNAME ").append(a.recordName()).append(" in zone ")
                    .append(a.zone()).append(" from ").append(a.before()).append(" to ").append(a.after()).append(")\n");
            sb.append("# inverse of ").append(n).append(": ").append(oneLine(a.inverse().description())).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    static String attemptLine(int n, Instant at) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", n);
        o.put("at", at.toString());
        return "#@attempt " + o + "\n";
    }

    static String outcomeLine(int n, ChangeOutcome outcome, Instant at) {
        return outcomeLine(n, outcome.status(), outcome.detail(), at);
    }

    static String outcomeLine(int n, ChangeOutcome.Status status, String detail, Instant at) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", n);
        o.put("status", status.id());
        o.put("at", at.toString());
        o.put("detail", detail);
        return "#@outcome " + o + "\n";
    }

    static String endLine(String message, Instant at) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", at.toString());
        o.put("message", message);
        return "#@end " + o + "\n";
    }

    /** The lines the seal covers: what undo is computed from. */
    private static boolean sealed(String line) {
        return line.startsWith("#@journal ") || line.startsWith("#@before ") || line.startsWith("#@change ")
                || line.startsWith("#@alias ");
    }

    /** SHA-256 (hex) over the sealed lines, each ending in a newline. */
    private static String seal(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
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

    private static ObjectNode alias(int n, AliasChange a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", n);
        o.put("op", "cname");
        o.put("alias", a.alias());
        o.put("before", a.before());
        o.put("after", a.after());
        return o;
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

    /**
     * Reads a journal file's machine lines.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not an SPN Doctor journal (message says what is wrong)
     */
    static Contents read(Path file) throws IOException {
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
        Map<Integer, AliasChange> aliasLines = new LinkedHashMap<>();
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
                case "alias" -> aliasLines.put(n.path("n").asInt(), toAlias(n, file));
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
        List<AliasChange> aliases = new ArrayList<>();
        for (int i = 1; i <= aliasLines.size(); i++) {
            AliasChange a = aliasLines.get(ordered.size() + i);
            if (a == null) {
                throw new IllegalArgumentException(file + " is damaged: change " + (ordered.size() + i) + " is missing.");
            }
            aliases.add(a);
        }
        Map<Integer, AliasOutcome> aliasOutcomes = new LinkedHashMap<>();
        Set<Integer> attempted = new LinkedHashSet<>();
        for (JsonNode a : attempts) {
            attempted.add(a.path("n").asInt());
        }
        Map<Integer, ChangeOutcome> outcomeMap = new LinkedHashMap<>();
        Map<Integer, Instant> outcomeTimes = new LinkedHashMap<>();
        for (JsonNode o : outcomes) {
            int n = o.path("n").asInt();
            if (n >= 1 && n <= ordered.size()) {
                outcomeMap.put(n, new ChangeOutcome(ordered.get(n - 1), ChangeOutcome.Status.fromId(o.path("status").asText()),
                        o.path("detail").asText()));
                try {
                    outcomeTimes.put(n, Instant.parse(o.path("at").asText()));
                } catch (DateTimeParseException ignored) {
                    // an outcome without a readable time: the journal's creation time stands in
                }
            } else if (n > ordered.size() && n <= ordered.size() + aliases.size()) {
                aliasOutcomes.put(n, new AliasOutcome(aliases.get(n - ordered.size() - 1),
                        ChangeOutcome.Status.fromId(o.path("status").asText()), o.path("detail").asText()));
                try {
                    outcomeTimes.put(n, Instant.parse(o.path("at").asText()));
                } catch (DateTimeParseException ignored) {
                    // as above
                }
            }
        }
        Optional<String> sealProblem = Optional.empty();
        if (sealLine == null) {
            sealProblem = Optional.of("The journal has no seal line: it was not written by this version of SPN Doctor, or it was edited.");
        } else if (!sealLine.path("sha256").asText().equals(seal(sealedLines))) {
            sealProblem = Optional.of("The journal was changed after SPN Doctor wrote it (its seal does not match its header lines).");
        }
        return new Contents(Instant.parse(head.path("created").asText()), head.path("target").asText(),
                head.path("server").asText(), head.path("identity").asText(), head.path("demo").asBoolean(),
                head.path("remedy").asText(), head.path("title").asText(), before, ordered, aliases, attempted, outcomeMap,
                aliasOutcomes, outcomeTimes, end == null ? null : end.path("message").asText(), sealProblem);
    }

    private static Account toAccount(JsonNode n) {
        List<Spn> spns = new ArrayList<>();
        n.path("spns").forEach(s -> spns.add(Spn.parse(s.asText())));
        return new Account(new AccountRef(n.path("dn").asText(), n.path("sam").asText(), AccountKind.fromId(n.path("kind").asText())),
                spns, Optional.empty(), n.path("uac").asInt(), List.of());
    }

    private static AliasChange toAlias(JsonNode n, Path file) {
        try {
            return new AliasChange(n.path("alias").asText(), n.path("before").asText(), n.path("after").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is damaged: an alias change cannot be read (" + e.getMessage() + ").");
        }
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
}
