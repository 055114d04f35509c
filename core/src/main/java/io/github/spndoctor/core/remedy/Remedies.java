package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Spn;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The remedy catalogue: which remedies fit a lookup ({@link #options}) and the plan for one of them ({@link #plan}).
 * Remedy ids are a public contract shared with the diagnosis catalogue. Stateless and thread-safe; {@code plan}
 * blocks on the directory, so call it off the UI thread.
 */
public final class Remedies {
    public static final String REMOVE_SPN = RemoveSpnPlanner.ID;
    public static final String PORT_SPN = PortSpnPlanner.ID;
    public static final String WSMAN_PREFIX = WsmanPrefixPlanner.ID;
    public static final String MOVE_SPN_TO_COMPUTER = MoveSpnPlanner.ID;
    public static final String TEMPORARY_RESET = GuidancePlanner.TEMPORARY_RESET;
    public static final String CREDSSP = GuidancePlanner.CREDSSP;
    public static final String TRUSTEDHOSTS = GuidancePlanner.TRUSTEDHOSTS;
    public static final String USE_FQDN = GuidancePlanner.USE_FQDN;
    public static final String REGISTER_SPN = MoreRemedies.REGISTER_SPN;
    public static final String REMOVE_STALE_SPN = MoreRemedies.REMOVE_STALE_SPN;
    public static final String SECURE_CHANNEL = MoreRemedies.SECURE_CHANNEL;
    public static final String TIME_SYNC = MoreRemedies.TIME_SYNC;
    public static final String GRANT_REMOTING_RIGHTS = MoreRemedies.GRANT_REMOTING_RIGHTS;
    public static final String ENABLE_REMOTING = MoreRemedies.ENABLE_REMOTING;
    /** The remedies for the SPN conflict and its neighbours, in the order they are offered. */
    public static final List<String> IDS = List.of(REMOVE_SPN, PORT_SPN, WSMAN_PREFIX, MOVE_SPN_TO_COMPUTER,
            TEMPORARY_RESET, CREDSSP, TRUSTEDHOSTS, USE_FQDN);
    /** Remedies for the other causes of the diagnosis catalogue; {@link #plan} knows them, {@link #allOptions} lists them. */
    public static final List<String> OTHER_IDS = List.of(REGISTER_SPN, REMOVE_STALE_SPN, SECURE_CHANNEL, TIME_SYNC,
            GRANT_REMOTING_RIGHTS, ENABLE_REMOTING);
    /** Every id {@link #plan} accepts. */
    public static final List<String> ALL_IDS = java.util.stream.Stream.concat(IDS.stream(), OTHER_IDS.stream()).toList();

    private Remedies() {}

    /**
     * The remedies for the SPN conflict and its neighbours ({@link #IDS}), each marked applicable or not for this lookup
     * (with why), at most one recommended.
     */
    public static List<RemedyOption> options(LookupResult lookup) {
        return allOptions(lookup).stream().filter(o -> IDS.contains(o.id())).toList();
    }

    /** {@link #options} followed by the remedies for the diagnosis catalogue's other causes ({@link #OTHER_IDS}). */
    public static List<RemedyOption> allOptions(LookupResult lookup) {
        Situation s = new Situation(lookup);
        boolean computer = s.computer().isPresent();
        List<Situation.Conflict> conflicts = s.httpConflicts();
        boolean serviceConflict = !s.serviceAccountConflicts().isEmpty();
        boolean protectedOnly = !conflicts.isEmpty() && conflicts.stream()
                .allMatch(c -> ProtectedSpns.isProtectedOn(c.spn(), c.holder()));
        String noComputer = "The computer account for " + s.typed() + " was not found in the directory.";
        String noConflict = "No account other than the computer holds HTTP/" + s.typed() + "; WinRM's SPN is not taken.";
        List<RemedyOption> out = new ArrayList<>();

        boolean removeOk = !conflicts.isEmpty() && !protectedOnly;
        out.add(new RemedyOption(REMOVE_SPN, "Remove the HTTP SPN from the account that holds it",
                "Deletes HTTP/<name> (no port) from the service account or other computer that holds it. WinRM then gets "
                        + "a ticket for the computer through its HOST/ SPN. Fixes every client at once, including Server "
                        + "Manager and Windows Admin Center; a web application that relies on Kerberos under that name "
                        + "loses it.",
                removeOk && s.dnsName(), true, removeOk,
                conflicts.isEmpty() ? noConflict : protectedOnly ? "The SPN is on a domain controller or protected; SPN Doctor will not remove it." : ""));

        List<Spn> ports = computer ? PortSpnPlanner.wanted(s, RemedySettings.DEFAULT) : List.of();
        boolean portOk = computer && s.dnsName() && !conflicts.isEmpty();
        out.add(new RemedyOption(PORT_SPN, "Register port SPNs (HTTP/<name>:5985) on the computer",
                "Adds HTTP/<short>:5985 and HTTP/<fqdn>:5985 to the computer after a forest-wide duplicate check, and "
                        + "clients add -IncludePortInSPN. Nothing is taken from the service account, but Server Manager and "
                        + "Windows Admin Center cannot opt in and stay broken.",
                false, true, portOk,
                !computer ? noComputer : !s.dnsName() ? "Kerberos is not used with an IP address." : conflicts.isEmpty() ? noConflict
                        : s.computerHoldsAll(ports) ? "The port SPNs are already on the computer; only the client option remains." : ""));

        boolean wsmanMissing = computer && !s.computerHoldsAll(s.spns("WSMAN", OptionalInt.empty()));
        boolean wsmanOk = computer && s.dnsName() && (!conflicts.isEmpty() || wsmanMissing);
        out.add(new RemedyOption(WSMAN_PREFIX, "Use WSMAN/ SPNs (spn_prefix registry value on clients)",
                "Makes sure the computer holds WSMAN/<short> and WSMAN/<fqdn>, and sets spn_prefix = WSMAN under the "
                        + "WinRM client key on each client, which then asks for WSMAN/ instead of HTTP/. The service "
                        + "account keeps its SPN; every client must get the registry value.",
                false, wsmanMissing, wsmanOk,
                !computer ? noComputer : !s.dnsName() ? "Kerberos is not used with an IP address."
                        : wsmanOk ? "" : "Neither is HTTP/" + s.typed() + " taken nor are WSMAN/ SPNs missing."));

        boolean moveOk = computer && serviceConflict;
        out.add(new RemedyOption(MOVE_SPN_TO_COMPUTER, "Move the HTTP SPN to the computer (app pool as machine identity)",
                "When the web application pool can run as the machine, the HTTP SPNs move from the service account to "
                        + "the computer and both IIS and WinRM use the computer's key. Needs the pool identity changed "
                        + "first and the service account's access granted to the computer.",
                false, true, moveOk,
                !computer ? noComputer : moveOk ? "" : "No service account holds HTTP/" + s.typed() + "."));

        out.add(new RemedyOption(TEMPORARY_RESET, "Temporary SPN reset (not recommended)",
                "Takes the HTTP SPN off the service account, opens one WinRM session, and puts the SPN back (seed 002). "
                        + "Shown so you can recognise it; SPN Doctor does not apply it.",
                false, false, serviceConflict, serviceConflict ? GuidancePlanner.TEMPORARY_RESET_WHY
                        : "No service account holds HTTP/" + s.typed() + "."));

        out.add(new RemedyOption(CREDSSP, "Enable CredSSP for this server (temporarily)",
                "For the error 'A computer policy does not allow the delegation of the user credentials': enables the "
                        + "CredSSP client role for this server only and the server role on the server, then disables both. "
                        + "Registers WSMAN/ SPNs on the computer if they are missing.",
                false, wsmanMissing, s.dnsName(),
                s.dnsName() ? "CredSSP hands reusable credentials to the server; use it only for the task that needs it."
                        : "CredSSP needs a DNS name for -DelegateComputer."));

        out.add(new RemedyOption(TRUSTEDHOSTS, "Add the address to TrustedHosts (NTLM)",
                "For connections by IP address: Kerberos cannot be used, so WinRM needs the address in TrustedHosts (or "
                        + "HTTPS) and explicit credentials. Saves the old list first so it can be restored.",
                false, false, !s.dnsName(),
                s.dnsName() ? s.typed() + " is a name, so Kerberos can be used; fix the SPN instead of weakening the check."
                        : "TrustedHosts turns off the check of who answers; prefer connecting by DNS name."));

        boolean fqdnOk = !s.dnsName() || GuidancePlanner.healthyName(lookup).isPresent();
        out.add(new RemedyOption(USE_FQDN, "Connect by another name",
                "WinRM asks for HTTP/<exactly the name typed>. If another form of the name (FQDN or short name) has no "
                        + "conflicting SPN, connecting by it works today without any change.",
                !s.dnsName(), false, fqdnOk,
                fqdnOk ? "" : GuidancePlanner.whyNoHealthyName(lookup)));

        boolean missing = computer && s.dnsName() && !MoreRemedies.missingOnComputer(s).isEmpty();
        out.add(new RemedyOption(REGISTER_SPN, "Register the missing HOST/ and WSMAN/ SPNs on the computer",
                "Adds the HOST/ and WSMAN/ SPNs for the short name and FQDN that the computer lacks and no other account "
                        + "holds, after a forest-wide check.",
                false, true, missing, !computer ? noComputer : missing ? "" : "The computer already holds them (or another account does)."));
        boolean staleOther = conflicts.stream().anyMatch(c -> !c.holder().ref().kind().isServiceAccount())
                || lookup.registrations().stream().anyMatch(r -> r.spn().hasClass("WSMAN") && r.holders().stream()
                        .anyMatch(h -> h.kind() == io.github.spndoctor.core.model.AccountKind.COMPUTER && !lookup.isTargetComputer(h)));
        out.add(new RemedyOption(REMOVE_STALE_SPN, "Remove the SPN from another computer",
                "Deletes HTTP/ and WSMAN/ SPNs for this name from a different computer account (renamed, cloned or "
                        + "retired machine). HOST/ and other system SPNs are left for a person to decide.",
                false, true, staleOther, staleOther ? "" : "No other computer holds an HTTP/ or WSMAN/ SPN for this name."));
        out.add(new RemedyOption(SECURE_CHANNEL, "Repair the computer's secure channel",
                "Test-ComputerSecureChannel -Repair on the server, for tickets that fail although the SPN is on the right account.",
                false, false, computer, computer ? "" : noComputer));
        out.add(new RemedyOption(TIME_SYNC, "Resynchronise the clocks", "w32tm checks and a resync, for clock skew errors.",
                false, false, true, ""));
        out.add(new RemedyOption(GRANT_REMOTING_RIGHTS, "Grant PowerShell remoting rights",
                "Remote Management Users membership or the session configuration's permissions, for 'Access is denied'.",
                false, false, true, ""));
        out.add(new RemedyOption(ENABLE_REMOTING, "Enable WinRM on the server",
                "Test-WSMan from the client and Enable-PSRemoting on the server, when nothing answers on 5985/5986.",
                false, false, true, ""));
        return List.copyOf(out);
    }

    /** The plan for {@code remedyId} with default settings. */
    public static Plan plan(String remedyId, LookupResult lookup, Directory dir) throws DirectoryException {
        return plan(remedyId, lookup, dir, RemedySettings.DEFAULT);
    }

    /**
     * Builds the plan for one remedy. Consults {@code dir} for the forest-wide uniqueness check before every
     * addition and for constrained delegation that points at SPNs being removed.
     *
     * @throws NotApplicableException   when the remedy does not fit this lookup, or SPN Doctor could not undo it
     *                                  ({@link Preflight#requireUndoable}; the message says why). Adds that a domain
     *                                  controller will refuse through sPNMappings are named in the plan's warnings
     * @throws IllegalArgumentException for an unknown remedy id
     * @throws DirectoryException       when the directory cannot be consulted
     */
    public static Plan plan(String remedyId, LookupResult lookup, Directory dir, RemedySettings settings) throws DirectoryException {
        Plan p = planOnly(remedyId, lookup, dir, settings);
        Preflight.requireUndoable(p);
        List<String> collisions = Preflight.aliasCollisions(dir, p);
        if (collisions.isEmpty()) {
            return p;
        }
        List<String> warnings = new ArrayList<>(p.warnings());
        warnings.addAll(collisions);
        return new Plan(p.remedyId(), p.title(), p.changes(), p.clientSteps(), warnings, p.basis());
    }

    private static Plan planOnly(String remedyId, LookupResult lookup, Directory dir, RemedySettings settings) throws DirectoryException {
        return switch (remedyId) {
            case REMOVE_SPN -> RemoveSpnPlanner.plan(lookup, dir);
            case PORT_SPN -> PortSpnPlanner.plan(lookup, dir, settings);
            case WSMAN_PREFIX -> WsmanPrefixPlanner.plan(lookup, dir);
            case MOVE_SPN_TO_COMPUTER -> MoveSpnPlanner.plan(lookup, dir);
            case TEMPORARY_RESET -> GuidancePlanner.temporaryReset(lookup);
            case CREDSSP -> GuidancePlanner.credSsp(lookup, dir);
            case TRUSTEDHOSTS -> GuidancePlanner.trustedHosts(lookup);
            case USE_FQDN -> GuidancePlanner.useFqdn(lookup);
            case REGISTER_SPN -> MoreRemedies.registerSpn(lookup, dir);
            case REMOVE_STALE_SPN -> MoreRemedies.removeStaleSpn(lookup, dir);
            case SECURE_CHANNEL -> MoreRemedies.secureChannel(lookup);
            case TIME_SYNC -> MoreRemedies.timeSync(lookup);
            case GRANT_REMOTING_RIGHTS -> MoreRemedies.grantRemotingRights(lookup);
            case ENABLE_REMOTING -> MoreRemedies.enableRemoting(lookup);
            default -> throw new IllegalArgumentException("Unknown remedy '" + remedyId + "'. Known remedies: " + String.join(", ", ALL_IDS) + ".");
        };
    }
}
