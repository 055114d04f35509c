package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.model.TargetName;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.spndoctor.core.diagnosis.CauseId.*;

/**
 * The question table: for each question (or check), which causes each answer supports and which it speaks against,
 * with weights combined like directory facts (docs/diagnosis.md §6, ADR 0205). This table is the one place the
 * questions are tuned; {@link DecidingQuestion} only chooses among them. Immutable.
 *
 * <p>An answer supports a cause only when it points at it, not when it merely fits it: "both name forms fail" fits
 * almost every cause, so it only speaks against the causes tied to one name form.
 *
 * <p>Why the weights point where they do (knowledge.md §1, §3): an IP address makes WinRM use NTLM, so "works by IP"
 * means only Kerberos fails; the SPN is built from the name as typed, so "the other name form works" points at an
 * SPN on one form or at that name's resolution; a local administrator for whom it works shows a rights problem, since
 * a Kerberos failure fails for everyone; a failure only on the second server is the second hop.
 */
public final class Questions {
    private static final List<Question> ALL = new ArrayList<>();

    static {
        q("works-by-ip", "Does the same command work when you use the server's IP address instead of its name?",
                choice("yes", "Yes, it works by IP", "it works by IP address",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, 0.40, SPN_ON_OTHER_COMPUTER, 0.30, DUPLICATE_SPN, 0.25,
                        BROKEN_SECURE_CHANNEL, 0.20, CNAME_ALIAS, 0.15, NAME_RESOLUTION, 0.15, MISSING_SPN, 0.15,
                        IP_ADDRESS_NTLM, -0.6, WINRM_UNREACHABLE, -0.6, ACCESS_DENIED, -0.4, SECOND_HOP_DELEGATION, -0.3,
                        CREDSSP_DELEGATION_POLICY, -0.3),
                choice("no", "No, it fails by IP too", "it fails by IP address too",
                        WINRM_UNREACHABLE, 0.25, ACCESS_DENIED, 0.20, SECOND_HOP_DELEGATION, 0.15,
                        HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3, SPN_ON_OTHER_COMPUTER, -0.25, DUPLICATE_SPN, -0.2,
                        MISSING_SPN, -0.2),
                choice("not-tried", "I have not tried", "connecting by IP address was not tried"));
        q("other-name-form", "Does it work with the other form of the name: the short name instead of the full name (or the full name instead of the short one)?",
                choice("yes", "Yes, the other form works", "the other name form works",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, 0.45, NAME_RESOLUTION, 0.35, CNAME_ALIAS, 0.15,
                        BROKEN_SECURE_CHANNEL, -0.5, TIME_SKEW, -0.5, ACCESS_DENIED, -0.4, WINRM_UNREACHABLE, -0.4,
                        SECOND_HOP_DELEGATION, -0.4, CROSS_DOMAIN_NO_TRUST, -0.2),
                choice("no", "No, both forms fail", "both name forms fail",
                        NAME_RESOLUTION, -0.35, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.15),
                choice("not-tried", "I have not tried", "the other name form was not tried"));
        q("same-domain", "Is the client computer in the same domain as the server?",
                choice("same", "Yes, the same domain", "the client is in the server's domain",
                        CROSS_DOMAIN_NO_TRUST, -0.7, NAME_RESOLUTION, -0.1),
                choice("trusted", "No, another domain that trusts it", "the client is in another domain with a trust",
                        NAME_RESOLUTION, 0.35, CROSS_DOMAIN_NO_TRUST, 0.20),
                choice("untrusted", "No: another domain without a trust, or a workgroup", "the client is in another domain without a trust, or in a workgroup",
                        CROSS_DOMAIN_NO_TRUST, 0.75, IP_ADDRESS_NTLM, 0.10,
                        HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3, SPN_ON_OTHER_COMPUTER, -0.3, DUPLICATE_SPN, -0.3));
        q("admin-works", "Does it work for another user who is a local administrator on the server?",
                choice("yes", "Yes, it works for an administrator", "it works for another user who is a local administrator",
                        ACCESS_DENIED, 0.65, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.5, SPN_ON_OTHER_COMPUTER, -0.5,
                        DUPLICATE_SPN, -0.5, BROKEN_SECURE_CHANNEL, -0.5, MISSING_SPN, -0.4, NAME_RESOLUTION, -0.4,
                        CNAME_ALIAS, -0.4, TIME_SKEW, -0.4, WINRM_UNREACHABLE, -0.5),
                choice("no", "No, it fails for everyone", "it fails for administrators too", ACCESS_DENIED, -0.55),
                choice("not-tried", "I have not tried", "another user was not tried"));
        q("second-server", "Does it fail only inside a remote session, when that session reaches a second server (a file share, SQL Server, Active Directory)?",
                choice("yes", "Yes, only on the second server", "it fails only when the remote session reaches a second server",
                        SECOND_HOP_DELEGATION, 0.70, CREDSSP_DELEGATION_POLICY, 0.15, ACCESS_DENIED, -0.3,
                        HTTP_SPN_ON_SERVICE_ACCOUNT, -0.4, SPN_ON_OTHER_COMPUTER, -0.4, DUPLICATE_SPN, -0.4,
                        WINRM_UNREACHABLE, -0.5, IP_ADDRESS_NTLM, -0.4),
                choice("no", "No, connecting to the server fails", "connecting to the server itself fails", SECOND_HOP_DELEGATION, -0.6));
        q("about-server", "Which of these is true of the server, or of the name you connect to?",
                choice("web-app", "It runs a web application under a domain account (IIS, Reporting Services, SharePoint, CRM)",
                        "the server runs a web application under a domain account",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, 0.55, SPN_ON_OTHER_COMPUTER, -0.15),
                choice("renamed", "It was renamed or rebuilt, or its name was used by another machine",
                        "the server was renamed or rebuilt, or its name was used by another machine",
                        SPN_ON_OTHER_COMPUTER, 0.55, DUPLICATE_SPN, 0.20, NAME_RESOLUTION, 0.15),
                choice("restored", "It was restored from a snapshot or backup, or rejoined the domain",
                        "the server was restored from a snapshot or backup, or rejoined the domain",
                        BROKEN_SECURE_CHANNEL, 0.60, SPN_ON_OTHER_COMPUTER, -0.2),
                choice("alias", "The name is a DNS alias (CNAME), a load-balancer or a cluster name",
                        "the name used is a DNS alias, load-balancer or cluster name",
                        CNAME_ALIAS, 0.60, NAME_RESOLUTION, 0.15, SPN_ON_OTHER_COMPUTER, 0.10),
                choice("dns", "Its DNS record or IP address changed, or the name sometimes reaches another machine",
                        "the server's DNS record or address changed, or the name may reach another machine",
                        NAME_RESOLUTION, 0.55, CNAME_ALIAS, 0.10, SPN_ON_OTHER_COMPUTER, 0.10),
                choice("none", "None of these", "none of these is true of the server",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3, SPN_ON_OTHER_COMPUTER, -0.3, BROKEN_SECURE_CHANNEL, -0.3,
                        CNAME_ALIAS, -0.5, NAME_RESOLUTION, -0.2));
        q("name-typed", "How do you name the server in the command (or in the tool)?",
                choice("short", "By its short name", "the server is named by its short name",
                        NAME_RESOLUTION, 0.10, IP_ADDRESS_NTLM, -0.7),
                choice("fqdn", "By its full DNS name", "the server is named by its full DNS name",
                        IP_ADDRESS_NTLM, -0.7, NAME_RESOLUTION, -0.1),
                choice("ip", "By its IP address", "the server is named by its IP address",
                        IP_ADDRESS_NTLM, 0.80, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.5, SPN_ON_OTHER_COMPUTER, -0.5,
                        DUPLICATE_SPN, -0.5, CNAME_ALIAS, -0.5, NAME_RESOLUTION, -0.3));
        q("typed-credentials", "Does it work when you type the credentials (-Credential) instead of using your current logon?",
                choice("yes", "Yes, typed credentials work", "it works with typed credentials",
                        SECOND_HOP_DELEGATION, 0.50, ACCESS_DENIED, -0.4, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.25,
                        SPN_ON_OTHER_COMPUTER, -0.25, BROKEN_SECURE_CHANNEL, -0.25),
                choice("no", "No", "typed credentials fail too", SECOND_HOP_DELEGATION, -0.45),
                choice("not-tried", "I have not tried", "typed credentials were not tried"));
        q("clock", "Do the clocks of the client, the server and the domain controller differ by more than five minutes?",
                choice("yes", "Yes", "the clocks differ by more than five minutes", TIME_SKEW, 0.75),
                choice("no", "No", "the clocks agree within five minutes", TIME_SKEW, -0.7),
                choice("not-sure", "I don't know", "whether the clocks agree is not known"));
        q("spn-holder", "Check: run  setspn -Q HTTP/{name}  (the name exactly as you type it) on any domain computer. Which account holds it?",
                Question.Kind.CHECK,
                choice("service-account", "A user or service account", "setspn shows HTTP/ on a user or service account",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, 0.85, SPN_ON_OTHER_COMPUTER, -0.5, DUPLICATE_SPN, -0.4),
                choice("other-computer", "Another computer", "setspn shows HTTP/ on another computer",
                        SPN_ON_OTHER_COMPUTER, 0.85, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.6, DUPLICATE_SPN, -0.3),
                choice("several", "More than one account", "setspn shows HTTP/ on more than one account",
                        DUPLICATE_SPN, 0.85, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3),
                choice("none-or-server", "The server itself, or \"No such SPN found\"", "setspn shows HTTP/ on the server itself or on no account",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, -0.8, SPN_ON_OTHER_COMPUTER, -0.6, DUPLICATE_SPN, -0.7));
        q("any-spn", "Check: run  setspn -Q */{name}  (the name exactly as the client uses it). Does any account hold an SPN for that name?",
                Question.Kind.CHECK,
                choice("server", "Yes, the server's own computer account", "setspn shows SPNs for the name on the server's computer account",
                        MISSING_SPN, -0.6, CNAME_ALIAS, -0.3, NAME_RESOLUTION, -0.2),
                choice("other-account", "Yes, but on another account", "setspn shows SPNs for the name on another account",
                        SPN_ON_OTHER_COMPUTER, 0.40, HTTP_SPN_ON_SERVICE_ACCOUNT, 0.40, DUPLICATE_SPN, 0.20, MISSING_SPN, -0.5),
                choice("none", "No: \"No such SPN found\"", "setspn finds no SPN at all for the name",
                        MISSING_SPN, 0.70, CNAME_ALIAS, 0.30, NAME_RESOLUTION, 0.30, HTTP_SPN_ON_SERVICE_ACCOUNT, -0.6,
                        SPN_ON_OTHER_COMPUTER, -0.6, DUPLICATE_SPN, -0.6));
        q("event-4", "Check: is there a Kerberos event 4 (KRB_AP_ERR_MODIFIED) in the client's System log at the time of the failure? If so, paste it with the error: it names the SPN that was asked for.",
                Question.Kind.CHECK,
                choice("yes", "Yes, event 4 is there", "event 4 (KRB_AP_ERR_MODIFIED) is in the client's log",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, 0.30, SPN_ON_OTHER_COMPUTER, 0.30, BROKEN_SECURE_CHANNEL, 0.25,
                        DUPLICATE_SPN, 0.15, IP_ADDRESS_NTLM, -0.6, WINRM_UNREACHABLE, -0.7, ACCESS_DENIED, -0.5,
                        SECOND_HOP_DELEGATION, -0.4, CROSS_DOMAIN_NO_TRUST, -0.3),
                choice("no", "No event 4", "there is no event 4 in the client's log",
                        HTTP_SPN_ON_SERVICE_ACCOUNT, -0.3, SPN_ON_OTHER_COMPUTER, -0.3, BROKEN_SECURE_CHANNEL, -0.2),
                choice("not-checked", "I cannot check", "the client's log was not checked"));
    }

    private Questions() {}

    /** Every question, in table order (ties in {@link DecidingQuestion} go to the earlier one). */
    public static List<Question> all() {
        return List.copyOf(ALL);
    }

    /** Question ids, in table order. */
    public static List<String> ids() {
        return ALL.stream().map(Question::id).toList();
    }

    public static Optional<Question> byId(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * Whether asking makes sense for this diagnosis: a check of the SPN holder is pointless once the directory was
     * read; "does it work by IP" is pointless when the target already is an IP address.
     */
    static boolean applies(Question q, Diagnosis d) {
        Optional<TargetName> target = d.lookup().map(l -> l.target())
                .or(() -> d.symptom().target().map(t -> t.name()));
        boolean ip = target.map(t -> t.kind() == TargetName.Kind.IPV4 || t.kind() == TargetName.Kind.IPV6).orElse(false);
        return switch (q.id()) {
            case "spn-holder", "any-spn" -> d.lookup().isEmpty() && !ip;
            case "works-by-ip", "other-name-form" -> !ip;
            case "name-typed" -> target.isEmpty();
            default -> true;
        };
    }

    private static void q(String id, String text, Question.Choice... choices) {
        q(id, text, Question.Kind.QUESTION, choices);
    }

    private static void q(String id, String text, Question.Kind kind, Question.Choice... choices) {
        ALL.add(new Question(id, text, kind, List.of(choices)));
    }

    private static Question.Choice choice(String value, String label, String said, Object... effects) {
        Map<CauseId, Double> m = new EnumMap<>(CauseId.class);
        for (int i = 0; i < effects.length; i += 2) {
            m.put((CauseId) effects[i], (Double) effects[i + 1]);
        }
        return new Question.Choice(value, label, said, m);
    }
}
