package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the directory causes straight off a lookup: an SPN WinRM may ask for that is held by a service account, by
 * another computer, or by several accounts, and a target computer that is missing the SPN forms a client needs.
 * A pure function; the full engine combines it with what the symptom text says.
 */
public final class LookupClassifier {
    private LookupClassifier() {}

    /** Causes the lookup proves, best first; empty when the directory shows no SPN problem for the target. */
    public static List<RankedCause> classify(LookupResult lookup) {
        Map<CauseId, List<Evidence>> found = new EnumMap<>(CauseId.class);
        Map<CauseId, Double> score = new EnumMap<>(CauseId.class);
        String typed = lookup.target().asTyped();
        for (Registration r : lookup.registrations()) {
            LookupResult.Status st = lookup.status(r);
            boolean http = r.spn().hasClass("HTTP");
            boolean noPort = r.spn().port().isEmpty();
            boolean asTyped = r.spn().hasHost(typed);
            // the exact SPN WinRM asks for by default weighs most; the other name form and port forms a bit less
            double weight = http && noPort ? (asTyped ? 0.95 : 0.85) : (http ? 0.6 : 0.7);
            switch (st) {
                case DUPLICATE -> add(found, score, CauseId.DUPLICATE_SPN, weight,
                        r.spn() + " is registered on " + r.holders().size() + " accounts: " + labels(r.holders()));
                case WRONG_ACCOUNT -> {
                    AccountRef holder = r.holders().get(0);
                    if (holder.kind() == AccountKind.COMPUTER) {
                        add(found, score, CauseId.SPN_ON_OTHER_COMPUTER, weight,
                                r.spn() + " is held by another computer, " + holder.label() + ", not by the target");
                    } else if (http) {
                        add(found, score, CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, weight,
                                r.spn() + " is held by the service account " + holder.label()
                                        + ": the KDC encrypts WinRM's ticket for that account, which the host cannot decrypt");
                    } else {
                        add(found, score, CauseId.SPN_ON_OTHER_COMPUTER, weight - 0.1,
                                r.spn() + " is held by " + holder.label() + ", not by the target computer");
                    }
                }
                default -> { }
            }
        }
        List<RankedCause> out = new ArrayList<>();
        found.forEach((id, ev) -> out.add(new RankedCause(id, score.get(id), ev)));
        out.sort(Comparator.comparingDouble(RankedCause::confidence).reversed());
        return out;
    }

    private static void add(Map<CauseId, List<Evidence>> found, Map<CauseId, Double> score, CauseId id, double weight,
                            String detail) {
        found.computeIfAbsent(id, k -> new ArrayList<>()).add(Evidence.directory(detail));
        score.merge(id, weight, Math::max);
    }

    private static String labels(List<AccountRef> refs) {
        return String.join(", ", refs.stream().map(AccountRef::label).toList());
    }
}
