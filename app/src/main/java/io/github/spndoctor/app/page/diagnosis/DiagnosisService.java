package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.CauseCatalog;
import io.github.spndoctor.core.diagnosis.CauseInfo;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Evidence;
import io.github.spndoctor.core.diagnosis.JdkNameResolver;
import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.diagnosis.RankedCause;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.report.DiagnosisJson;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The diagnosis engine of core ({@link Diagnoser}, {@link CauseCatalog}): text facts plus the lookup's directory
 * evidence, and on a live directory the DNS facts of the name. On the demo directory DNS is not asked (its names are
 * fictional). A failed lookup gives "unknown" first, never a healthy verdict. Blocking; runs off the UI thread.
 */
public final class DiagnosisService {
    private final NameResolver resolver;

    public DiagnosisService() {
        this(new JdkNameResolver());
    }

    public DiagnosisService(NameResolver resolver) {
        this.resolver = resolver;
    }

    public Findings diagnose(String symptomText, Optional<LookupResult> lookup, Optional<DirectoryException> failure) {
        return diagnose(symptomText, lookup, failure, List.of());
    }

    /** As above, with the user's answers to the deciding questions (evidence, see core's {@code Questions}). */
    public Findings diagnose(String symptomText, Optional<LookupResult> lookup, Optional<DirectoryException> failure,
                             List<Answer> answers) {
        Symptom symptom = SymptomParser.parse(symptomText == null ? "" : symptomText);
        Diagnosis d;
        if (lookup.isPresent()) {
            LookupResult r = lookup.get();
            Optional<NameFacts> names = r.source().demo() ? Optional.empty()
                    : Optional.of(NameFacts.check(r.target(), r.computer().flatMap(Account::dnsHostName), resolver));
            d = Diagnoser.diagnose(symptom, lookup, names, answers);
        } else if (failure.isPresent()) {
            d = Diagnoser.diagnoseAfterFailedLookup(symptom, failure.get(), answers);
        } else {
            d = Diagnoser.diagnose(symptom, Optional.empty(), Optional.empty(), answers);
        }
        List<CauseCard> cards = new ArrayList<>();
        for (RankedCause c : d.causes()) {
            CauseInfo info = CauseCatalog.info(c.id());
            List<String> checks = new ArrayList<>();
            if (!info.decisiveCheck().isBlank()) {
                checks.add(Messages.get("diagnosis.decisive", info.decisiveCheck()));
            }
            checks.addAll(info.checks());
            cards.add(new CauseCard(c.id().id(), info.title(), c.confidence(),
                    c.evidence().stream().map(DiagnosisService::line).toList(), info.explanation(), checks));
        }
        return new Findings(cards, d.verdict(), lookup.isEmpty() && failure.isPresent(), d.causes(), d.question(),
                DiagnosisJson.serverName(d));
    }

    private static String line(Evidence e) {
        return Messages.get(e.supports() ? "evidence.for" : "evidence.against",
                Messages.get("evidence.source." + e.source().id()), e.detail());
    }
}
