package io.github.spndoctor.core.lookup;

import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.model.UnusualSpn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one lookup found: the target (with its FQDN when the directory knew it), the target's computer account, every
 * candidate SPN with its holders, and every account that turned up (with all its SPNs). Immutable.
 */
public record LookupResult(TargetName target, Optional<Account> computer, List<Registration> registrations,
                           List<Account> accounts, DirectoryInfo source, Instant queriedAt, List<String> replicationNotes) {
    /**
     * @param replicationNotes where the global catalog's copy of an account and its own DC's copy disagree
     *                         (replication in flight), one plain sentence each; empty when they agree
     */
    public LookupResult {
        replicationNotes = replicationNotes == null ? List.of() : List.copyOf(replicationNotes);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(computer, "computer");
        registrations = List.copyOf(registrations);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(queriedAt, "queriedAt");
    }

    /** A result without replication notes. */
    public LookupResult(TargetName target, Optional<Account> computer, List<Registration> registrations,
                        List<Account> accounts, DirectoryInfo source, Instant queriedAt) {
        this(target, computer, registrations, accounts, source, queriedAt, List.of());
    }

    /** How a candidate SPN stands relative to the target computer. */
    public enum Status {
        /** Held by the target computer only. */
        OK,
        /** Held by nobody. */
        MISSING,
        /** Held by one account that is not the target computer. */
        WRONG_ACCOUNT,
        /** Held by two or more accounts. */
        DUPLICATE;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    /** The registration of {@code spn}, if it was a candidate. */
    public Optional<Registration> registration(Spn spn) {
        return registrations.stream().filter(r -> r.spn().equals(spn)).findFirst();
    }

    /** The account read for {@code ref}. */
    public Optional<Account> account(AccountRef ref) {
        return accounts.stream().filter(a -> a.ref().sameEntry(ref)).findFirst();
    }

    /** Status of one registration relative to the target computer. */
    public Status status(Registration r) {
        if (r.holders().isEmpty()) {
            return Status.MISSING;
        }
        if (r.holders().size() > 1) {
            return Status.DUPLICATE;
        }
        AccountRef holder = r.holders().get(0);
        return computer.map(c -> c.ref().sameEntry(holder)).orElse(false) ? Status.OK : Status.WRONG_ACCOUNT;
    }

    /** Every SPN of the accounts read that holds a hidden or look-alike character, account by account. */
    public List<UnusualSpn> unusualSpns() {
        List<UnusualSpn> out = new java.util.ArrayList<>();
        for (Account a : accounts) {
            for (Spn s : a.spns()) {
                UnusualSpn.check(s.toString(), a.ref()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** True when {@code ref} is the target's computer account. */
    public boolean isTargetComputer(AccountRef ref) {
        return computer.map(c -> c.ref().sameEntry(ref)).orElse(false);
    }
}
