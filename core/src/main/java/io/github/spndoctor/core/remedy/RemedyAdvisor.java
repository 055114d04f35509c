package io.github.spndoctor.core.remedy;

import io.github.spndoctor.core.diagnosis.CauseCatalog;
import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.spn.WinrmClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remedy options for one host, one client and one verdict — the list the wizard's Remedy page and
 * {@code spn-doctor remedies} both show, for the session's one client ({@code ClientChoice}). Every remedy of the catalogue ({@link Remedies#ALL_IDS}) is listed, each
 * applicable or not for this host and this client, with why and its risk. At most one is recommended: the first
 * applicable remedy the catalogue names for the cause the verdict rests on ({@link HostVerdict#cause()}). A healthy or
 * unknown host gets no recommendation, so nothing is preselected that the evidence does not support. Order:
 * recommended, then the other applicable remedies for the same cause ({@link RemedyOption#fitsCause()}), then the
 * applicable ones for other causes, then the rest (catalogue order within each). Pure functions.
 */
public final class RemedyAdvisor {
    private RemedyAdvisor() {}

    public static List<RemedyOption> options(LookupResult lookup, WinrmClient client, HostVerdict verdict) {
        List<RemedyOption> base = new ArrayList<>();
        for (RemedyOption o : Remedies.allOptions(lookup)) {
            base.add(forClient(o, client));
        }
        Optional<String> pick = recommendation(base, verdict);
        List<RemedyOption> out = new ArrayList<>();
        for (RemedyOption o : base) {
            boolean rec = pick.map(o.id()::equals).orElse(false);
            out.add(o.with(rec, o.applicable(), reason(o, rec, verdict)).fitting(o.applicable() && (rec || forCause(o, verdict))));
        }
        List<RemedyOption> sorted = new ArrayList<>();
        out.stream().filter(RemedyOption::recommended).forEach(sorted::add);
        out.stream().filter(o -> !o.recommended() && o.fitsCause()).forEach(sorted::add);
        out.stream().filter(o -> o.applicable() && !o.fitsCause()).forEach(sorted::add);
        out.stream().filter(o -> !o.applicable()).forEach(sorted::add);
        return List.copyOf(sorted);
    }

    /** True when the catalogue names {@code o} among the remedies for the cause a problem verdict rests on. */
    private static boolean forCause(RemedyOption o, HostVerdict verdict) {
        return verdict.kind() == HostVerdict.Kind.PROBLEM
                && verdict.cause().map(c -> CauseCatalog.info(c).remedies().contains(o.id())).orElse(false);
    }

    /** The option with the client's limits applied: a client that cannot use a remedy makes it not applicable. */
    static RemedyOption forClient(RemedyOption o, WinrmClient c) {
        if (!o.applicable()) {
            return o;
        }
        if (o.id().equals(Remedies.PORT_SPN) && !c.defaultServiceClass().equals("HTTP")) {
            return o.with(false, false, c.shortLabel() + " asks for a " + c.defaultServiceClass() + "/ SPN, not for HTTP/ with a port.");
        }
        if (o.id().equals(Remedies.PORT_SPN) && !c.offersPort()) {
            return o.with(false, false, c.shortLabel() + " cannot ask for a port SPN, so registering one does not help it.");
        }
        if (o.id().equals(Remedies.WSMAN_PREFIX) && !c.offersPrefix()) {
            return o.with(false, false, c.shortLabel() + " has no setting for the service class, so it cannot be told to ask for WSMAN/.");
        }
        return o;
    }

    private static Optional<String> recommendation(List<RemedyOption> options, HostVerdict verdict) {
        if (verdict.kind() != HostVerdict.Kind.PROBLEM || verdict.cause().isEmpty()) {
            return Optional.empty();
        }
        for (String id : CauseCatalog.info(verdict.cause().get()).remedies()) {
            if (id.equals(Remedies.TEMPORARY_RESET)) {
                continue; // shown so it can be recognised, never suggested
            }
            Optional<RemedyOption> o = options.stream().filter(x -> x.id().equals(id) && x.applicable()).findFirst();
            if (o.isPresent()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static String reason(RemedyOption o, boolean recommended, HostVerdict verdict) {
        if (!o.applicable()) {
            return o.why();
        }
        Optional<CauseId> cause = verdict.cause();
        String fixes = cause.map(c -> CauseCatalog.info(c).title()).orElse("");
        if (recommended) {
            return "Recommended: it fixes what was found — " + lower(fixes) + "." + (o.why().isEmpty() ? "" : " " + o.why());
        }
        if (o.id().equals(Remedies.TEMPORARY_RESET)) {
            return o.why();
        }
        boolean forCause = forCause(o, verdict);
        if (o.id().equals(Remedies.REGISTER_SPN) && verdict.caveat() == HostVerdict.Caveat.WARNING) {
            return "Optional: registers the WSMAN/ SPNs this client does not need but clients that ask for WSMAN/ do."
                    + (o.why().isEmpty() ? "" : " " + o.why());
        }
        String head = switch (verdict.kind()) {
            case HEALTHY -> "Possible, but no problem it fixes was found here.";
            case UNKNOWN -> "Possible, but nothing is known yet that it would fix.";
            case PROBLEM -> forCause ? "Also fixes it, with the trade-off below." : "Possible, but the evidence points at another cause.";
        };
        return o.why().isEmpty() ? head : head + " " + o.why();
    }

    private static String lower(String title) {
        return title.isEmpty() ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }
}
