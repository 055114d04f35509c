package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.ProtectedSpns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Re-checks and applies plans, one single-value change at a time, with a journal written before the first write and
 * every outcome recorded in it and in the audit log. Stops at the first failure and says what state the directory is
 * in. Stateless apart from the audit log; thread-safe. Blocks on the network: never call it on the UI thread.
 */
public final class PlanExecutor {
    /** Re-reads after a lost reply: a pool may hand out several dead connections before a fresh one. */
    static final int REREAD_ATTEMPTS = 5;
    private final AuditLog audit;

    /** Uses the standard audit log ({@link StatePaths#auditLog()}). */
    public PlanExecutor() {
        this(AuditLog.standard());
    }

    public PlanExecutor(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public AuditLog auditLog() { return audit; }

    /**
     * Re-reads every account the plan touches and checks every change against the directory as it is now: a removal
     * needs the value still there; an addition needs the value held by nobody else in the forest (global catalog),
     * counting the plan's own earlier changes. Values someone else already changed the same way are dropped; anything
     * that would overwrite or collide with another change refuses the plan.
     */
    public Recheck recheck(Directory dir, Plan plan) throws DirectoryException {
        List<String> notes = new ArrayList<>();
        boolean refused = false;
        boolean dropped = false;
        boolean drift = false;
        Map<String, Set<Spn>> state = new HashMap<>();
        Map<String, Account> fresh = new HashMap<>();
        for (AccountRef ref : plan.accounts()) {
            Optional<Account> now = dir.readAccount(ref.dn());
            if (now.isEmpty()) {
                notes.add(ref.label() + " no longer exists (" + ref.dn() + ").");
                refused = true;
                continue;
            }
            fresh.put(key(ref), now.get());
            state.put(key(ref), new LinkedHashSet<>(now.get().spns()));
            Optional<Account> then = plan.basisOf(ref);
            if (then.isPresent()) {
                for (Spn s : now.get().spns()) {
                    if (!then.get().holds(s)) {
                        notes.add(ref.label() + " gained " + s + " since the lookup.");
                        drift = true;
                    }
                }
                for (Spn s : then.get().spns()) {
                    if (!now.get().holds(s)) {
                        notes.add(ref.label() + " lost " + s + " since the lookup.");
                        drift = true;
                    }
                }
            }
        }
        if (refused) {
            return new Recheck(Recheck.Status.REFUSED, plan, notes);
        }
        List<SpnChange> keep = new ArrayList<>();
        Set<String> addedByPlan = new LinkedHashSet<>();
        for (SpnChange c : plan.changes()) {
            Set<Spn> spns = state.get(key(c.account()));
            Account acct = fresh.get(key(c.account()));
            if (c instanceof SpnChange.Remove) {
                if (!spns.contains(c.spn())) {
                    notes.add(c.account().label() + " no longer holds " + c.spn() + " (someone removed it already): that step is dropped.");
                    dropped = true;
                    continue;
                }
                if (ProtectedSpns.isProtectedOn(c.spn(), acct)) {
                    notes.add(ProtectedSpns.why(c.spn(), acct));
                    refused = true;
                    continue;
                }
                spns.remove(c.spn());
                keep.add(new SpnChange.Remove(c.account(), acct.stored(c.spn()).orElse(c.spn())));
            } else {
                if (spns.contains(c.spn())) {
                    notes.add(c.account().label() + " already holds " + c.spn() + ": that step is dropped.");
                    dropped = true;
                    continue;
                }
                List<String> ourDuplicates = new ArrayList<>();
                for (Map.Entry<String, Set<Spn>> e : state.entrySet()) {
                    if (!e.getKey().equals(key(c.account())) && e.getValue().contains(c.spn()) && addedByPlan.contains(e.getKey() + "|" + c.spn().key())) {
                        ourDuplicates.add(fresh.get(e.getKey()).ref().label());
                    }
                }
                if (!ourDuplicates.isEmpty()) {
                    notes.add("Putting " + c.spn() + " back on " + c.account().label() + " would make it a duplicate of the copy this "
                            + "plan restores on " + String.join(", ", ourDuplicates) + ". A domain controller that enforces SPN "
                            + "uniqueness refuses that, and a duplicate breaks Kerberos for the name anyway: that step is dropped.");
                    dropped = true;
                    continue;
                }
                List<String> others = new ArrayList<>();
                for (Account holder : dir.findHolders(c.spn())) {
                    String k = key(holder.ref());
                    if (k.equals(key(c.account()))) {
                        continue;
                    }
                    if (state.containsKey(k) && !state.get(k).contains(c.spn())) {
                        continue; // this plan removes it there first
                    }
                    others.add(holder.ref().label());
                }
                if (!others.isEmpty()) {
                    notes.add(c.spn() + " is now registered on " + String.join(", ", others) + ". Adding it to " + c.account().label()
                            + " would create a duplicate (a domain controller refuses it) and would take over someone else's change.");
                    refused = true;
                    continue;
                }
                spns.add(c.spn());
                addedByPlan.add(key(c.account()) + "|" + c.spn().key());
                keep.add(c);
            }
        }
        List<io.github.spndoctor.core.model.AliasChange> keepAliases = new ArrayList<>();
        switch (AliasSteps.recheck(dir, plan, notes, keepAliases)) {
            case REFUSED -> refused = true;
            case DROPPED -> dropped = true;
            default -> { }
        }
        if (refused) {
            return new Recheck(Recheck.Status.REFUSED, plan, notes);
        }
        Plan checked = plan.withAliases(keepAliases);
        // before the write: adds a DC refuses through sPNMappings (KB5008382), also for undo plans from a journal
        notes.addAll(io.github.spndoctor.core.remedy.Preflight.aliasCollisions(dir, checked.withChanges(keep)));
        if (dropped) {
            return new Recheck(Recheck.Status.REBUILT, checked.withChanges(keep), notes);
        }
        boolean unknownBasis = plan.accounts().stream().anyMatch(r -> plan.basisOf(r).isEmpty());
        if (unknownBasis) {
            notes.add("There is no record of how the accounts looked when the plan was made, so every change was checked "
                    + "against the directory as it is now.");
        }
        return new Recheck(drift || unknownBasis ? Recheck.Status.STILL_SAFE : Recheck.Status.UNCHANGED, checked.withChanges(keep), notes);
    }

    private static String key(AccountRef ref) {
        return ref.dn().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Applies {@code plan} change by change. The journal must already exist (it was written and forced to disk when
     * created); each attempt is recorded before the write and each outcome after it. Stops at the first change that
     * does not succeed; later changes are reported as not attempted.
     *
     * @throws IllegalArgumentException when the plan would remove a protected SPN, or the journal was not created for
     *                                  exactly this plan or was used before (nothing is written)
     */
    public ApplyReport apply(Directory dir, Plan plan, Journal journal, ApplyListener listener) {
        Objects.requireNonNull(journal, "journal: no write happens without a journal");
        if (!journal.changes().equals(plan.changes()) || !journal.aliases().equals(plan.aliases())) {
            throw new IllegalArgumentException("The journal " + journal.file() + " was written for other changes than this plan "
                    + "(was the plan rebuilt after the journal was created?). Create the journal from the plan being applied.");
        }
        if (!journal.possiblyApplied().isEmpty() || !journal.outcomes().isEmpty()) {
            throw new IllegalArgumentException("The journal " + journal.file() + " already records an apply; each apply needs a new journal.");
        }
        ApplyListener l = listener == null ? ApplyListener.NONE : listener;
        for (SpnChange c : plan.changes()) {
            boolean dc = plan.basisOf(c.account()).map(Account::domainController).orElse(false);
            if (c instanceof SpnChange.Remove && (ProtectedSpns.isProtected(c.spn()) || dc)) {
                throw new IllegalArgumentException("Refusing the whole plan: it would remove " + c.spn() + " from "
                        + c.account().label() + ", which SPN Doctor never removes.");
            }
        }
        List<ChangeOutcome> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int total = plan.changes().size();
        boolean stopped = false;
        for (int i = 0; i < total; i++) {
            SpnChange c = plan.changes().get(i);
            if (stopped) {
                outcomes.add(new ChangeOutcome(c, ChangeOutcome.Status.NOT_ATTEMPTED, "an earlier change did not succeed"));
                l.finished(i, total, outcomes.get(i));
                continue;
            }
            l.starting(i, total, c);
            try {
                journal.recordAttempt(i);
            } catch (IOException e) {
                problems.add("The journal could not be written (" + e.getMessage() + "), so change " + (i + 1) + " was not sent.");
                outcomes.add(new ChangeOutcome(c, ChangeOutcome.Status.FAILED, "journal not writable: " + e.getMessage(), "not sent"));
                audit(dir, outcomes.get(i), journal, problems);
                l.finished(i, total, outcomes.get(i));
                stopped = true;
                continue;
            }
            ChangeOutcome outcome;
            try {
                dir.apply(c);
                outcome = new ChangeOutcome(c, ChangeOutcome.Status.APPLIED, "");
            } catch (DirectoryException e) {
                outcome = afterFailure(dir, c, e).withResultCode(e.resultCode().isPresent()
                        ? "LDAP " + e.resultCode().getAsInt() : "none (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            outcomes.add(outcome);
            try {
                journal.recordOutcome(i, outcome);
            } catch (IOException e) {
                problems.add("The outcome of change " + (i + 1) + " could not be added to the journal (" + e.getMessage()
                        + "); the journal still lists it as attempted, so undo will check it.");
                stopped = true;
            }
            audit(dir, outcome, journal, problems);
            l.finished(i, total, outcome);
            if (outcome.status() != ChangeOutcome.Status.APPLIED) {
                stopped = true;
            }
        }
        List<AliasOutcome> aliasOutcomes = AliasSteps.apply(dir, plan, journal, stopped, audit, problems);
        String message = message(plan, outcomes, aliasOutcomes, journal);
        try {
            journal.recordEnd(message);
        } catch (IOException e) {
            problems.add("The journal's closing line could not be written: " + e.getMessage());
        }
        return new ApplyReport(plan, outcomes, Optional.of(journal.file()), message, problems, aliasOutcomes);
    }

    /** One audit line per attempted write, whatever its outcome. */
    private void audit(Directory dir, ChangeOutcome outcome, Journal journal, List<String> problems) {
        try {
            audit.record(dir.info(), outcome, journal.file());
        } catch (IOException e) {
            problems.add("The audit log " + audit.fileFor(dir.info()) + " could not be written: " + e.getMessage());
        }
    }

    /** After a failed write: find out whether the value actually changed (the reply may have been lost). */
    private static ChangeOutcome afterFailure(Directory dir, SpnChange c, DirectoryException e) {
        String why = e.getMessage() + (e.detail().isEmpty() ? "" : " [" + e.detail() + "]");
        switch (e.kind()) {
            case VALUE_EXISTS, VALUE_MISSING -> {
                return new ChangeOutcome(c, ChangeOutcome.Status.FAILED, "someone else changed this value since the check: " + why);
            }
            case REFUSED_BY_DC -> {
                String hint = c instanceof SpnChange.Remove
                        ? "; some domain controllers (Samba) refuse to delete one copy of an SPN registered on two accounts - "
                          + "remove that copy with setspn -D or samba-tool spn delete, which rewrite the account's whole list"
                        : "";
                return new ChangeOutcome(c, ChangeOutcome.Status.FAILED, why + hint);
            }
            case ACCESS_DENIED, READ_ONLY, NOT_AUTHENTICATED, NO_SUCH_ACCOUNT, BAD_INPUT, ENCRYPTION_REQUIRED -> {
                return new ChangeOutcome(c, ChangeOutcome.Status.FAILED, why);
            }
            default -> { }
        }
        for (int attempt = 0; attempt < REREAD_ATTEMPTS; attempt++) { // pooled connections may be stale after a cut
            if (attempt > 0) {
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                Optional<Account> now = dir.readAccount(c.account().dn());
                if (now.isPresent()) {
                    boolean holds = now.get().holds(c.spn());
                    boolean done = c instanceof SpnChange.Add == holds;
                    return done
                            ? new ChangeOutcome(c, ChangeOutcome.Status.APPLIED, "the reply was lost (" + why + "), but re-reading the account shows the change was made")
                            : new ChangeOutcome(c, ChangeOutcome.Status.FAILED, why + "; re-reading the account shows the change was not made");
                }
                break;
            } catch (DirectoryException again) {
                // try once more, then give up: cannot tell
            }
        }
        return new ChangeOutcome(c, ChangeOutcome.Status.UNKNOWN, why + "; the account could not be re-read, so it is not known whether the change was made");
    }

    static String message(Plan plan, List<ChangeOutcome> spnOutcomes, Journal journal) {
        return message(plan, spnOutcomes, List.of(), journal);
    }

    /** One change's outcome in the words the message needs, SPN or DNS alias alike. */
    private record Step(String description, ChangeOutcome.Status status, String detail) { }

    static String message(Plan plan, List<ChangeOutcome> spnOutcomes, List<AliasOutcome> aliasOutcomes, Journal journal) {
        List<Step> outcomes = new ArrayList<>();
        spnOutcomes.forEach(o -> outcomes.add(new Step(o.change().description(), o.status(), o.detail())));
        aliasOutcomes.forEach(o -> outcomes.add(new Step(o.change().description(), o.status(), o.detail())));
        int total = outcomes.size();
        if (total == 0) {
            return "Nothing to apply: the plan has no directory changes.";
        }
        List<Step> applied = outcomes.stream().filter(o -> o.status() == ChangeOutcome.Status.APPLIED).toList();
        if (applied.size() == total && plan.isUndo()) {
            return (total == 1 ? "The change was undone." : "All " + total + " changes were undone.")
                    + " The directory holds its earlier state again. Journal of this undo: " + journal.file();
        }
        if (applied.size() == total) {
            return (total == 1 ? "The change was applied." : "All " + total + " changes were applied.") + " The directory now holds the planned state. Journal for undo: " + journal.file();
        }
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (at < total && outcomes.get(at).status() == ChangeOutcome.Status.APPLIED) {
            at++;
        }
        Step stop = outcomes.get(at);
        sb.append("Stopped at change ").append(at + 1).append(" of ").append(total).append(" (")
                .append(stop.description()).append("): ").append(stop.detail()).append(".\n");
        if (applied.isEmpty()) {
            sb.append("No change was applied.");
        } else {
            sb.append("Applied: ").append(String.join("; ", applied.stream().map(Step::description).toList())).append('.');
        }
        List<Step> notDone = outcomes.stream().filter(o -> o.status() == ChangeOutcome.Status.FAILED
                || o.status() == ChangeOutcome.Status.NOT_ATTEMPTED).toList();
        if (!notDone.isEmpty()) {
            sb.append("\nNot applied: ").append(String.join("; ", notDone.stream().map(Step::description).toList())).append('.');
        }
        List<Step> unknown = outcomes.stream().filter(o -> o.status() == ChangeOutcome.Status.UNKNOWN).toList();
        if (!unknown.isEmpty()) {
            sb.append("\nUnknown (connection lost, could not confirm): ")
                    .append(String.join("; ", unknown.stream().map(Step::description).toList())).append('.');
        }
        if (applied.isEmpty() && unknown.isEmpty()) {
            sb.append("\nThe directory is exactly as it was before.");
        } else {
            sb.append("\nThe directory is part-way: only the changes listed as applied").append(unknown.isEmpty() ? "" : " (and perhaps the unknown ones)")
                    .append(" are in effect; no SPN was lost. To go back, undo with the journal ").append(journal.file())
                    .append("; to finish, check again and apply a new plan.");
        }
        return sb.toString();
    }
}
