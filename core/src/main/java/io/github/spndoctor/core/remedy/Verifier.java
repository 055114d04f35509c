package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.CandidateSpns;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.spn.SpnStates;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.TicketCheck;
import io.github.spndoctor.core.verify.VerifyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Proves (or disproves) a remedy by checking exactly what it relies on ({@link #proofOf}): every change of the plan is
 * in place (a removed SPN is gone and nobody but the computer holds it; an added SPN is on its account and nowhere
 * else), and the SPN the client will ask for afterwards resolves to the computer. Where a Kerberos probe is given it
 * also asks the KDC for that SPN. Guidance-only remedies are never "fixed": they report what is still to do. After an
 * undo the check says whether the directory is back as before and what stands now. Stateless; blocks on the network.
 */
public final class Verifier {
    private static final String PURGE = ClientSteps.purgeTickets().title();

    private Verifier() {}

    /** What decides each remedy's check. */
    enum Proof {
        /** The HTTP/ forms of the name (no port) resolve to the computer. */
        HTTP_NAME,
        /** The HTTP/ port forms are on the computer and nowhere else. */
        PORT,
        /** The WSMAN/ forms are on the computer and nowhere else. */
        WSMAN,
        /** Only the plan's own changes (register-spn, remove-stale-spn, credssp's WSMAN/ SPNs). */
        CHANGES,
        /** Nothing in the directory: steps for a person. */
        GUIDANCE
    }

    static Proof proof(String remedyId) {
        return switch (remedyId == null ? "" : remedyId) {
            case Remedies.REMOVE_SPN, Remedies.MOVE_SPN_TO_COMPUTER, "" -> Proof.HTTP_NAME;
            case Remedies.PORT_SPN -> Proof.PORT;
            case Remedies.WSMAN_PREFIX -> Proof.WSMAN;
            case Remedies.REGISTER_SPN, Remedies.REMOVE_STALE_SPN, Remedies.CREDSSP -> Proof.CHANGES;
            default -> Proof.GUIDANCE;
        };
    }

    /** What proves that {@code remedyId} worked, in a sentence. */
    public static String proofOf(String remedyId) {
        return switch (remedyId == null ? "" : remedyId) {
            case Remedies.REMOVE_SPN -> "The SPN that was removed is gone, nothing but the computer holds it, and the name resolves to the computer.";
            case Remedies.MOVE_SPN_TO_COMPUTER -> "The HTTP/ SPNs are on the computer and no longer on the service account.";
            case Remedies.PORT_SPN -> "The port SPNs exist on the computer and nowhere else; clients must then add the port.";
            case Remedies.WSMAN_PREFIX -> "WSMAN/ SPNs exist on the computer and nowhere else; clients must then set spn_prefix.";
            case Remedies.REGISTER_SPN -> "The SPNs that were added are on the computer and nowhere else.";
            case Remedies.REMOVE_STALE_SPN -> "The SPNs taken from the other computer are gone, and nobody but this computer holds them.";
            case Remedies.CREDSSP -> "Any WSMAN/ SPNs added are on the computer alone; the CredSSP settings are steps on the machines.";
            case "" -> "The SPN WinRM asks for resolves to the computer.";
            default -> "Nothing in the directory proves it: the steps are for a person to run, and only a new connection shows whether they worked.";
        };
    }

    /** The SPN a WinRM client asks for once {@code remedyId} is in place. */
    public static Spn winrmSpn(TargetName target, String remedyId) {
        return switch (remedyId == null ? "" : remedyId) {
            case Remedies.PORT_SPN -> Spn.of("HTTP", target.asTyped(), OptionalInt.of(CandidateSpns.HTTP_PORT));
            case Remedies.WSMAN_PREFIX -> Spn.of("WSMAN", target.asTyped());
            default -> CandidateSpns.winrmDefault(target);
        };
    }

    /** Checks the remedy by its id alone (no plan: the plan's own changes are not checked). */
    public static VerifyResult verify(Directory dir, TargetName target, String remedyId, Optional<KerberosProbe> probe) {
        return check(dir, target, remedyId, Optional.empty(), probe);
    }

    /** Checks an applied plan: its changes, and what its remedy relies on. */
    public static VerifyResult verify(Directory dir, TargetName target, Plan applied, Optional<KerberosProbe> probe) {
        return check(dir, target, applied.remedyId(), Optional.of(applied), probe);
    }

    /** After an undo: is every inverse change in place, and what stands now (the problem is back, typically). */
    public static VerifyResult verifyUndo(Directory dir, TargetName target, Plan undo) {
        LookupResult lookup;
        List<String> findings = new ArrayList<>();
        try {
            lookup = dir.lookup(target);
            boolean back = changesHold(dir, lookup, undo, findings);
            List<SpnState> now = SpnStates.forAnyClient(lookup);
            now.stream().filter(s -> s.status().problem()).forEach(s -> findings.add("Now: " + s.why()));
            if (now.stream().noneMatch(s -> s.status().problem())) {
                findings.add("Now: no SPN problem stands for " + lookup.target().asTyped() + ".");
            }
            return new VerifyResult(back ? VerifyResult.Verdict.UNDONE : VerifyResult.Verdict.NOT_UNDONE, Optional.of(lookup),
                    LookupClassifier.classify(lookup), findings, Optional.empty(), List.of(),
                    "Every change is reversed: what was removed is back on its account, what was added is gone.", List.of());
        } catch (DirectoryException e) {
            return unknown(e, List.of(), List.of());
        }
    }

    private static VerifyResult check(Directory dir, TargetName target, String remedyId, Optional<Plan> plan,
                                      Optional<KerberosProbe> probe) {
        Proof proof = proof(remedyId);
        List<String> reminders = new ArrayList<>();
        List<String> toDo = new ArrayList<>();
        plan.ifPresent(p -> p.clientSteps().stream().map(ClientStep::title).filter(t -> !t.equals(PURGE)).forEach(toDo::add));
        if (proof == Proof.PORT && toDo.isEmpty()) {
            toDo.add("Connect with -SessionOption (New-PSSessionOption -IncludePortInSPN); without it the client still asks for HTTP/" + target.asTyped() + ".");
        }
        if (proof == Proof.WSMAN && toDo.isEmpty()) {
            toDo.add("Set spn_prefix = WSMAN on each client, or it still asks for HTTP/" + target.asTyped() + ".");
        }
        if (proof != Proof.GUIDANCE) {
            reminders.add("Clients keep tickets they already hold: run `klist purge` on each client (or log off and on) before "
                    + "testing, or the old ticket keeps failing for up to 10 hours.");
        }
        LookupResult lookup;
        List<String> findings = new ArrayList<>();
        boolean changesOk;
        try {
            lookup = dir.lookup(target);
            changesOk = plan.isEmpty() || changesHold(dir, lookup, plan.get(), findings);
        } catch (DirectoryException e) {
            return unknown(e, reminders, toDo);
        }
        List<RankedCause> causes = LookupClassifier.classify(lookup);
        String proofText = proofOf(remedyId);
        boolean writes = plan.map(Plan::hasDirectoryChanges).orElse(false);
        if (proof == Proof.GUIDANCE || (proof == Proof.CHANGES && !writes && plan.isPresent())) {
            if (toDo.isEmpty()) {
                plan.ifPresent(p -> p.clientSteps().forEach(s -> toDo.add(s.title())));
            }
            findings.add("SPN Doctor cannot check these steps from the directory; a new connection shows whether they worked.");
            return new VerifyResult(VerifyResult.Verdict.GUIDANCE, Optional.of(lookup), causes, findings, Optional.empty(),
                    reminders, proofText, toDo);
        }
        boolean nameOk = switch (proof) {
            case HTTP_NAME -> nameResolves(lookup, "HTTP", OptionalInt.empty(), false, findings);
            case PORT -> nameResolves(lookup, "HTTP", OptionalInt.of(CandidateSpns.HTTP_PORT), true, findings);
            case WSMAN -> nameResolves(lookup, "WSMAN", OptionalInt.empty(), true, findings);
            default -> true;
        };
        Optional<TicketCheck> ticket = Optional.empty();
        boolean ok = changesOk && nameOk;
        if (proof != Proof.CHANGES) {
            Spn spn = winrmSpn(lookup.target(), remedyId);
            ticket = probe.map(p -> p.requestTicket(spn));
            if (ticket.isPresent()) {
                switch (ticket.get().outcome()) {
                    case WRONG_ACCOUNT, NOT_FOUND -> ok = false;
                    default -> { }
                }
            } else {
                findings.add("No Kerberos ticket check: no Kerberos environment (krb5.conf and a ticket) is available here.");
            }
        }
        VerifyResult.Verdict verdict = !ok ? VerifyResult.Verdict.NOT_FIXED
                : toDo.isEmpty() ? VerifyResult.Verdict.FIXED : VerifyResult.Verdict.STEPS_REMAIN;
        return new VerifyResult(verdict, Optional.of(lookup), causes, findings, ticket, reminders, proofText, toDo);
    }

    private static VerifyResult unknown(DirectoryException e, List<String> reminders, List<String> toDo) {
        return new VerifyResult(VerifyResult.Verdict.UNKNOWN, Optional.empty(), List.of(),
                List.of("The lookup failed, so nothing is confirmed: " + e.getMessage()), Optional.empty(), reminders,
                "", toDo);
    }

    /** Every change of {@code plan} is in place; one finding per change. */
    static boolean changesHold(Directory dir, LookupResult lookup, Plan plan, List<String> findings) throws DirectoryException {
        boolean ok = true;
        for (SpnChange c : plan.changes()) {
            Optional<Account> now = dir.readAccount(c.account().dn());
            boolean held = now.map(a -> a.holds(c.spn())).orElse(false);
            List<Account> holders = dir.findHolders(c.spn());
            boolean good;
            if (c instanceof SpnChange.Add) {
                boolean alone = holders.stream().allMatch(h -> h.ref().sameEntry(c.account()));
                good = held && alone;
                findings.add(c.spn() + " on " + c.account().label() + ": " + (good ? "in place" : !held ? "NOT there"
                        : "there, but also held by " + others(holders, c)));
            } else {
                List<Account> others = holders.stream().filter(h -> !lookup.isTargetComputer(h.ref())).toList();
                good = !held && others.isEmpty();
                findings.add(c.spn() + " removed from " + c.account().label() + ": " + (good ? "gone"
                        : held ? "STILL there" : "gone, but now held by " + others(others, c)));
            }
            ok &= good;
        }
        for (io.github.spndoctor.core.model.AliasChange a : plan.aliases()) {
            Optional<String> now = dir.aliasTarget(a.alias());
            boolean good = now.isPresent() && now.get().equalsIgnoreCase(a.after());
            findings.add("DNS alias " + a.alias() + " -> " + a.after() + ": " + (good ? "in place" : "NOT in place (now "
                    + now.orElse("no alias") + ")"));
            ok &= good;
        }
        return ok;
    }

    private static String others(List<Account> holders, SpnChange c) {
        return String.join(", ", holders.stream().filter(h -> !h.ref().sameEntry(c.account())).map(h -> h.ref().label()).toList());
    }

    /** Each form of the name with {@code cls}: on the computer only (or, without a port, answered by HOST/). */
    private static boolean nameResolves(LookupResult lookup, String cls, OptionalInt port, boolean mustBeHeld, List<String> findings) {
        if (lookup.computer().isEmpty()) {
            findings.add("The computer account for " + lookup.target().asTyped() + " was not found.");
            return false;
        }
        boolean ok = true;
        for (String h : CandidateSpns.hostNames(lookup.target())) {
            Spn s = Spn.of(cls, h, port);
            Registration r = lookup.registration(s).orElse(new Registration(s, List.of()));
            LookupResult.Status st = lookup.status(r);
            boolean hostAlias = lookup.computer().get().holds(Spn.of("HOST", s.host()));
            boolean good = st == LookupResult.Status.OK || (!mustBeHeld && st == LookupResult.Status.MISSING && hostAlias);
            String holders = String.join(", ", r.holders().stream().map(x -> x.label()).toList());
            findings.add(s + ": " + (good ? "ok" : "still wrong") + " (" + (holders.isEmpty() ? "no explicit holder"
                    + (mustBeHeld ? "" : hostAlias ? "; the computer's HOST/ SPN answers for it" : " and no HOST/ SPN on the computer")
                    : "held by " + holders) + ")");
            ok &= good;
        }
        return ok;
    }
}
