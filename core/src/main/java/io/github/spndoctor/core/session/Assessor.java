package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.ApplyReport;
import io.github.spndoctor.core.apply.Recheck;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.HostVerdict;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.diagnosis.NameFacts;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.lookup.SpnState;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.spn.ClientModel;
import io.github.spndoctor.core.spn.SpnStates;
import io.github.spndoctor.core.symptom.Clue;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.DirectoryInfo;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.evidence.EvidenceItem;
import io.github.spndoctor.core.report.SessionReport;
import io.github.spndoctor.core.report.TimelineEntry;
import io.github.spndoctor.core.symptom.AuthPackage;
import io.github.spndoctor.core.symptom.KnownError;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.verify.VerifyResult;

import java.util.List;
import java.util.Optional;

/** The pure parts of a repair session: the assessment of a lookup and the report of a session. Stateless. */
final class Assessor {
    private Assessor() {}

    /**
     * Diagnosis (with DNS facts when {@code dns} is given), verdict and per-SPN status for the session's client.
     *
     * @param client the session's one client (chosen, named in the text, or Windows PowerShell)
     * @param dns the names the client resolves: the configured resolver on a live directory, the trainer's demo DNS
     *            on the trainer's demo, none on the plain demo directory (its names are fictional: real DNS would only
     *            contradict them) — {@link #namesFor}
     */
    static Assessment assess(TargetName t, Symptom s, Optional<LookupResult> l, Optional<DirectoryException> failure,
                             Optional<io.github.spndoctor.core.diagnosis.Measurement> measured,
                             List<io.github.spndoctor.core.diagnosis.Answer> answers, ClientChoice client,
                             Optional<io.github.spndoctor.core.diagnosis.NameResolver> dns) {
        // a client a person chose that asks for WSMAN/ is evidence as a text naming it would be
        if (client.chosen() && "WSMAN".equals(ClientModel.serviceClass(client.client(), client.settings()))) {
            s = s.withClue(Clue.WSMAN_SPN_CLIENT, "the client you chose, " + client.shortLabel() + ", asks for WSMAN/");
        }
        Diagnosis d;
        if (l.isPresent()) {
            LookupResult r = l.get();
            Optional<NameFacts> names = dns.map(n -> NameFacts.check(r.target(), r.computer().flatMap(Account::dnsHostName), n));
            d = Diagnoser.diagnose(s, l, names, measured, answers);
        } else if (failure.isPresent()) {
            d = Diagnoser.diagnoseAfterFailedLookup(s, failure.get(), answers);
        } else {
            d = Diagnoser.diagnose(s, Optional.empty(), Optional.empty(), measured, answers);
        }
        boolean credSsp = s.has(KnownError.CREDSSP_POLICY) || s.has(KnownError.CREDSSP_DISABLED) || s.has(AuthPackage.CREDSSP);
        List<SpnState> states = l.map(r -> SpnStates.of(r, client.client(), client.settings(), credSsp)).orElse(List.of());
        Optional<Spn> asked = l.flatMap(r -> SpnStates.asked(r, client.client(), client.settings()));
        String who = credSsp ? "" : client.shortLabel();
        return new Assessment(d, HostVerdict.of(t, d, l, failure, states, asked, who), states, client);
    }

    /** The names a diagnosis over {@code dir} may ask (see {@link #assess}). */
    static Optional<io.github.spndoctor.core.diagnosis.NameResolver> namesFor(io.github.spndoctor.core.directory.Directory dir,
                                                                             SessionConfig config) {
        Optional<io.github.spndoctor.core.demo.TrainerDemo> trainer = io.github.spndoctor.core.demo.TrainerDemo.of(dir);
        if (trainer.isPresent()) {
            return Optional.of(trainer.get().dns());
        }
        return dir.info().demo() ? Optional.empty() : config.names();
    }

    static SessionReport report(String symptomText, DirectoryInfo info, LookupResult lookup, Assessment assessment, Plan plan,
                                Recheck recheck, ApplyReport applied, VerifyResult check, ApplyReport undone,
                                List<TimelineEntry> timeline, List<EvidenceItem> evidence) {
        SessionReport r = SessionReport.start().withSymptom(symptomText).withDirectory(info);
        if (lookup != null) {
            r = r.withLookup(lookup, assessment != null ? assessment.diagnosis().causes() : LookupClassifier.classify(lookup));
        }
        if (plan != null) {
            r = r.withPlan(plan);
        }
        if (recheck != null) {
            r = r.withRecheck(recheck);
        }
        if (applied != null) {
            r = r.withApplied(applied);
        }
        if (check != null) {
            r = r.withVerified(check);
        }
        if (undone != null) {
            r = r.withUndone(undone);
        }
        return r.withTimeline(timeline, evidence);
    }
}
