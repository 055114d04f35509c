package io.github.spndoctor.core.demo;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AliasChange;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.NotApplicableException;
import io.github.spndoctor.core.remedy.Plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trainer's named breaking actions. Each is planned against the demo as it is now and returned as a
 * {@link DemoBreak}: the caller previews it and applies it through the usual recheck, journal and audit log, so the
 * class sees both directions, and undoes it from its journal like any fix.
 */
public final class Breaks {
    public static final String HIJACK_HTTP = "hijack-http";
    public static final String DUPLICATE = "duplicate";
    public static final String REMOVE_WSMAN = "remove-wsman";
    public static final String CNAME = "cname";
    public static final List<String> IDS = List.of(HIJACK_HTTP, DUPLICATE, REMOVE_WSMAN, CNAME);
    /** The host the directory breaks use when none is named: the healthy SRV004. */
    public static final String DEFAULT_HOST = "srv004.rwwilden01.local";
    /** The alias the CNAME break re-points when none is named, and where it points it. */
    public static final String DEFAULT_ALIAS = "reports.rwwilden01.local";
    public static final String DEFAULT_ALIAS_TARGET = "srv003.rwwilden01.local";

    private Breaks() {}

    /** One line per break for lists: id and title. */
    public static String title(String id) {
        return switch (id) {
            case HIJACK_HTTP -> "Register HTTP/<host> on an application pool account";
            case DUPLICATE -> "Add a true duplicate SPN";
            case REMOVE_WSMAN -> "Remove a computer's WSMAN/ SPNs";
            case CNAME -> "Point a DNS alias (CNAME) at another host";
            default -> throw new IllegalArgumentException("Unknown break '" + id + "'. Known breaks: " + String.join(", ", IDS) + ".");
        };
    }

    /** What the class will see once the break stands, in plain words (the wizard's break picker and {@code demo list}). */
    public static String classSees(String id) {
        return switch (id) {
            case HIJACK_HTTP -> "Enter-PSSession to the host fails with 0x80090322: the ticket is locked with the application "
                    + "pool account's key, so the host cannot read it (KRB_AP_ERR_MODIFIED). setspn -X finds nothing.";
            case DUPLICATE -> "The KDC refuses every ticket for HTTP/<host>: two accounts hold it. setspn -X lists the duplicate.";
            case REMOVE_WSMAN -> "Clients that ask for WSMAN/<host> (spn_prefix = WSMAN, pypsrp) fail: no account holds it. "
                    + "Plain WinRM, which asks for HTTP/<host>, still works.";
            case CNAME -> "Windows clients still ask for the alias's own SPN; pywinrm and Ansible follow the alias to the "
                    + "other host and ask for its SPN instead.";
            default -> throw new IllegalArgumentException("Unknown break '" + id + "'. Known breaks: " + String.join(", ", IDS) + ".");
        };
    }

    /**
     * Plans a break.
     *
     * @param host the host to break (for {@code cname}: the alias); empty for the default
     * @param to   for {@code cname}: where the alias will point; empty for the default
     */
    public static DemoBreak plan(TrainerDemo demo, String id, Optional<String> host, Optional<String> to)
            throws DirectoryException, NotApplicableException {
        title(id);
        if (id.equals(CNAME)) {
            return cname(demo, host.orElse(DEFAULT_ALIAS), to.orElse(DEFAULT_ALIAS_TARGET));
        }
        Directory dir = demo.directory();
        LookupResult lookup = dir.lookup(TargetName.parse(host.orElse(DEFAULT_HOST)));
        Account computer = lookup.computer().orElseThrow(() -> new NotApplicableException(
                "No demo computer is named " + lookup.target().asTyped() + "."));
        String fqdn = computer.dnsHostName().orElse(lookup.target().asTyped()).toLowerCase(Locale.ROOT);
        String shortName = computer.ref().samAccountName().replace("$", "").toUpperCase(Locale.ROOT);
        return switch (id) {
            case HIJACK_HTTP -> {
                Account pool = serviceAccount(demo, computer);
                List<SpnChange> adds = new ArrayList<>();
                for (Spn s : List.of(Spn.of("HTTP", shortName), Spn.of("HTTP", fqdn))) {
                    if (!pool.holds(s)) {
                        adds.add(new SpnChange.Add(pool.ref(), s));
                    }
                }
                if (adds.isEmpty()) {
                    throw new NotApplicableException(pool.ref().label() + " already holds HTTP/" + fqdn + ".");
                }
                yield new DemoBreak(id, title(id), "A web site on " + shortName + " is set to run as the existing "
                        + "service account " + pool.ref().samAccountName() + ", and its installer registers HTTP/"
                        + shortName + " and HTTP/" + fqdn + " on that account. WinRM's tickets for " + fqdn
                        + " are then locked with " + pool.ref().samAccountName() + "'s key.", fqdn, plan(id, "Break: register HTTP/" + fqdn + " on " + pool.ref().samAccountName(),
                        adds, List.of(pool)));
            }
            case DUPLICATE -> {
                Account other = serviceAccount(demo, computer);
                Spn dup = Spn.of("HTTP", fqdn);
                if (computer.holds(dup) || other.holds(dup) || !dir.findHolders(dup).isEmpty()) {
                    throw new NotApplicableException(dup + " is already registered; reset the demo or pick another host.");
                }
                List<SpnChange> adds = List.of(new SpnChange.Add(computer.ref(), dup), new SpnChange.Add(other.ref(), dup));
                yield new DemoBreak(id, title(id), "An administrator registers " + dup + " on " + computer.ref().samAccountName()
                        + ", and a restored backup brings the same SPN back on " + other.ref().samAccountName() + ". The "
                        + "KDC cannot choose between the two and refuses every ticket for it; setspn -X lists it. (A Windows "
                        + "Server 2012 R2 or later DC refuses to write a duplicate; the demo lets this one through, as a "
                        + "restore or an older DC would.)", fqdn,
                        plan(id, "Break: register " + dup + " twice (" + computer.ref().samAccountName() + " and "
                                + other.ref().samAccountName() + ")", adds, List.of(computer, other)));
            }
            case REMOVE_WSMAN -> {
                List<SpnChange> removes = computer.spns().stream().filter(s -> s.hasClass("WSMAN"))
                        .map(s -> (SpnChange) new SpnChange.Remove(computer.ref(), s)).toList();
                if (removes.isEmpty()) {
                    throw new NotApplicableException(computer.ref().label() + " holds no WSMAN/ SPN.");
                }
                yield new DemoBreak(id, title(id), "Someone cleans up " + shortName + "'s SPNs and takes WSMAN/ away. "
                        + "Clients set to the WSMAN prefix (spn_prefix, pypsrp) now find no account for the host.", fqdn,
                        plan(id, "Break: remove " + shortName + "'s WSMAN/ SPNs", removes, List.of(computer)));
            }
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static DemoBreak cname(TrainerDemo demo, String alias, String to) throws NotApplicableException {
        String a = alias.strip().toLowerCase(Locale.ROOT);
        String before = demo.dns().aliases().get(a);
        if (before == null) {
            throw new NotApplicableException(a + " is not a demo DNS alias. Aliases: " + String.join(", ", demo.dns().aliases().keySet()) + ".");
        }
        String target = to.strip().toLowerCase(Locale.ROOT);
        if (!demo.dns().knows(target) || target.equals(before)) {
            throw new NotApplicableException(target + " is not another demo computer's name.");
        }
        return new DemoBreak(CNAME, title(CNAME), "The DNS alias " + a + " is moved from " + before + " to " + target
                + ". Windows clients still ask for HTTP/" + a + "; clients that follow the alias (MIT Kerberos: pywinrm, "
                + "Ansible) now ask for " + target + "'s SPN instead.", a,
                new Plan("break-" + CNAME, "Break: point " + a + " at " + target, List.of(), List.of(), List.of("This is a "
                        + "breaking action on the demo: it changes the demo's DNS, so the class can find and fix it. Undo it "
                        + "from its journal, or reset the demo."), List.of(), List.of(new AliasChange(a, before, target))));
    }

    /** A service (non-computer) account of the computer's own domain: the "application pool account". */
    private static Account serviceAccount(TrainerDemo demo, Account computer) throws DirectoryException, NotApplicableException {
        String dn = computer.ref().dn();
        String domain = dn.substring(dn.toUpperCase(Locale.ROOT).indexOf("DC="));
        List<Account> candidates = new ArrayList<>();
        try {
            for (SearchResultEntry e : demo.server().server().search(domain, SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "user"), "1.1").getSearchEntries()) {
                demo.directory().readAccount(e.getDN()).filter(a -> a.ref().kind() != AccountKind.COMPUTER).ifPresent(candidates::add);
            }
        } catch (LDAPException e) {
            throw new DirectoryException(DirectoryException.Kind.OTHER, "The demo's accounts could not be listed: " + e.getMessage());
        }
        return candidates.stream().min(Comparator.comparing((Account a) -> a.ref().kind() == AccountKind.MSA ? 0 : 1)
                        .thenComparing(a -> a.ref().dn().toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> new NotApplicableException("The demo domain of " + computer.ref().label()
                        + " has no service account to break it with."));
    }

    private static Plan plan(String id, String title, List<SpnChange> changes, List<Account> basis) {
        return new Plan("break-" + id, title, changes, List.of(), List.of("This is a breaking action on the demo: it "
                + "makes the problem, so the class can find and fix it. Undo it from its journal, or reset the demo."), basis);
    }
}
