package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.spn.SpnStates;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.TicketCheck;
import io.github.spndoctor.core.verify.VerifyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a break's commit does differently from a fix's, in one place for the repair session (which both the wizard
 * and {@code spn-doctor demo break} drive): the recheck at the moment of commit and the check afterwards. A true
 * duplicate cannot pass the fix's recheck (it refuses duplicates), so its recheck checks instead that the SPN is
 * still registered nowhere and the two accounts still exist, and only then lets exactly those two values past the
 * demo's duplicate check (a restored backup, which AD does not check either; knowledge.md 7.4).
 */
public final class BreakRules {
    private BreakRules() {}

    /** The recheck at the moment of commit (reads only, except that a passed duplicate check lets its two values through). */
    public static Recheck recheck(Directory dir, DemoBreak b, PlanExecutor executor) throws DirectoryException {
        if (!b.id().equals(Breaks.DUPLICATE)) {
            return executor.recheck(dir, b.plan());
        }
        TrainerDemo demo = TrainerDemo.of(dir).orElseThrow(() -> new IllegalStateException("Breaking actions are for the trainer's demo only."));
        List<String> notes = new ArrayList<>();
        for (SpnChange c : b.plan().changes()) {
            Optional<Account> now = dir.readAccount(c.account().dn());
            if (now.isEmpty()) {
                notes.add(c.account().label() + " no longer exists (" + c.account().dn() + ").");
            } else if (!dir.findHolders(c.spn()).isEmpty()) {
                notes.add(c.spn() + " is now registered on " + String.join(", ", dir.findHolders(c.spn()).stream()
                        .map(a -> a.ref().label()).toList()) + ": the duplicate break is not applied.");
            }
        }
        if (!notes.isEmpty()) {
            return new Recheck(Recheck.Status.REFUSED, b.plan(), notes);
        }
        b.plan().changes().forEach(c -> demo.allowDuplicate((SpnChange.Add) c));
        return new Recheck(Recheck.Status.UNCHANGED, b.plan(), List.of("The SPN is still registered nowhere; the demo lets "
                + "these two values past its duplicate check, as a restored backup or an older DC would."));
    }

    /**
     * After a break: is every breaking change in place, and what the class will now find. The verdict is NOT_FIXED
     * when the break stands (the host is broken, as planned), UNKNOWN when it does not or the lookup failed.
     */
    public static VerifyResult check(Directory dir, TargetName target, Plan plan, Optional<KerberosProbe> probe) {
        List<String> findings = new ArrayList<>();
        try {
            LookupResult lookup = dir.lookup(target);
            boolean inPlace = true;
            for (SpnChange c : plan.changes()) {
                boolean held = dir.readAccount(c.account().dn()).map(a -> a.holds(c.spn())).orElse(false);
                boolean good = c instanceof SpnChange.Add == held;
                inPlace &= good;
                findings.add(c.description() + ": " + (good ? "in place" : "NOT in place"));
            }
            for (io.github.spndoctor.core.model.AliasChange a : plan.aliases()) {
                Optional<String> now = dir.aliasTarget(a.alias());
                boolean good = now.isPresent() && now.get().equalsIgnoreCase(a.after());
                inPlace &= good;
                findings.add("DNS alias " + a.alias() + " -> " + a.after() + ": " + (good ? "in place" : "NOT in place"));
            }
            List<SpnState> now = SpnStates.forAnyClient(lookup);
            now.stream().filter(s -> s.status().problem()).forEach(s -> findings.add("Now: " + s.why()));
            Optional<TicketCheck> ticket = probe.map(p -> p.requestTicket(
                    io.github.spndoctor.core.remedy.Verifier.winrmSpn(lookup.target(), null)));
            return new VerifyResult(inPlace ? VerifyResult.Verdict.NOT_FIXED : VerifyResult.Verdict.UNKNOWN, Optional.of(lookup),
                    LookupClassifier.classify(lookup), findings, ticket, List.of(),
                    "Every breaking change is in place: the class can now find the problem and fix it.", List.of());
        } catch (DirectoryException e) {
            return new VerifyResult(VerifyResult.Verdict.UNKNOWN, Optional.empty(), List.of(),
                    List.of("The lookup failed, so nothing is confirmed: " + e.getMessage()), Optional.empty(), List.of(), "", List.of());
        }
    }
}
