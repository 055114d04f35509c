package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One ranked cause as a person reads it: title, likelihood in words (the number is for details), the evidence for
 * and against, why Kerberos fails, and what to check next — with the real host and account names filled in where the
 * catalogue has placeholders. The public id is for details and JSON only. Immutable.
 */
public record CauseSummary(CauseId cause, String title, double confidence, List<String> evidence, String why,
                           List<String> checks) {
    public CauseSummary {
        evidence = List.copyOf(evidence);
        checks = List.copyOf(checks);
    }

    /** The public cause id ({@code http-spn-on-service-account}), for details and JSON. */
    public String id() { return cause.id(); }

    public Confidence likelihood() { return Confidence.of(confidence); }

    /** "Very likely": the likelihood in words. */
    public String confidenceText() { return likelihood().label(); }

    /** "62 %": the number, for a details area. */
    public String confidenceNumber() { return Math.round(confidence * 100) + " %"; }

    public static CauseSummary of(RankedCause c, TargetName target, Optional<Account> computer) {
        CauseInfo info = CauseCatalog.info(c.id());
        List<String> ev = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            ev.add((e.supports() ? "✓ " : "✗ ") + source(e.source()) + ": " + fill(e.detail(), target, computer));
        }
        List<String> checks = new ArrayList<>();
        if (!info.decisiveCheck().isBlank()) {
            checks.add("Decisive check: " + fill(info.decisiveCheck(), target, computer));
        }
        info.checks().forEach(x -> checks.add(fill(x, target, computer)));
        return new CauseSummary(c.id(), info.title(), c.confidence(), ev, fill(info.explanation(), target, computer), checks);
    }

    private static String source(Evidence.Source s) {
        return switch (s) {
            case TEXT -> "error text";
            case DIRECTORY -> "directory";
            case NAME -> "name / DNS";
            case PROBE -> "live probe";
            case ANSWER -> "you said";
        };
    }

    /** Replaces the catalogue's placeholders with the names known for this host; unknown ones stay as they are. */
    public static String fill(String text, TargetName target, Optional<Account> computer) {
        Optional<String> fqdn = target.fqdn().or(() -> computer.flatMap(Account::dnsHostName));
        String host = fqdn.orElse(target.asTyped());
        String t = text.replace("<name as typed>", target.asTyped()).replace("<name>", target.asTyped()).replace("<server>", target.asTyped())
                .replace("<host>", host).replace("<alias>", target.asTyped()).replace("<short name>", target.shortName())
                .replace("<short>", target.shortName());
        if (fqdn.isPresent()) {
            t = t.replace("<FQDN>", fqdn.get()).replace("<fqdn>", fqdn.get());
            int dot = fqdn.get().indexOf('.');
            if (dot > 0) {
                String domain = fqdn.get().substring(dot + 1).toLowerCase(Locale.ROOT);
                t = t.replace("<server domain>", domain).replace("<domain>", domain);
            }
        }
        if (computer.isPresent()) {
            t = t.replace("<computer>", computer.get().ref().samAccountName());
        }
        return t;
    }
}
