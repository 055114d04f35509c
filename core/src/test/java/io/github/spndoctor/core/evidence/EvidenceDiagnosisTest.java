package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed texts' situation as evidence: an event 4 alone, with the demo directory, gives the diagnosis. */
class EvidenceDiagnosisTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void event4NamingHttpSrv003LeadsToTheServiceAccountCauseWithoutPastedText() throws Exception {
        EvidenceSet ev = EvidenceReader.readText(EvidenceReaderTest.fixture("saved-events.xml"), "events.xml");
        Symptom symptom = SymptomParser.parse(ev.symptomText(""));
        TargetName target = ev.lookupTarget(Optional.empty()).orElseThrow();
        assertEquals("srv003.rwwilden01.local", target.asTyped());
        LookupResult lookup = demo.lookup(target);
        Diagnosis d = Diagnoser.diagnose(symptom, Optional.of(lookup));
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, d.top().id(), d.causes().toString());
        assertEquals("HTTP/srv003.rwwilden01.local", d.symptom().requestedSpn().orElseThrow().spn().toString());
    }

    @Test
    void theEvidenceWinsOverTheTypedNameAndTheDisagreementIsSaid() throws Exception {
        EvidenceSet ev = EvidenceReader.readText(EvidenceReaderTest.fixture("event4-en.txt"), "pasted text");
        Optional<TargetName> typed = Optional.of(TargetName.parse("srv003"));
        assertEquals("srv003.rwwilden01.local", ev.lookupTarget(typed).orElseThrow().asTyped());
        String says = ev.disagreement(typed).orElseThrow();
        assertTrue(says.startsWith("You typed srv003, but the client asked for HTTP/srv003.rwwilden01.local (pasted text, event 4"), says);
        assertTrue(ev.disagreement(Optional.of(TargetName.parse("SRV003.rwwilden01.local"))).isEmpty());
        // the text's own requested SPN comes second: the evidence is first
        Symptom both = SymptomParser.parse(ev.symptomText("The target name used was HTTP/other.rwwilden01.local."));
        assertEquals("HTTP/srv003.rwwilden01.local", both.requestedSpn().orElseThrow().spn().toString());
    }

    @Test
    void everyEventReaderFeedsTheDiagnosisItsErrors() throws Exception {
        EvidenceSet ev = EvidenceReader.readText(EvidenceReaderTest.fixture("dc-security.xml"), "dc.xml");
        Symptom s = SymptomParser.parse(ev.symptomText(""));
        for (var e : ev.errors().keySet()) {
            assertTrue(s.has(e), e + " in " + ev.symptomText(""));
        }
        assertEquals("HTTP/web01.contoso.com", s.requestedSpn().orElseThrow().spn().toString());
    }

    @Test
    void withoutEvidenceNothingChanges() {
        assertEquals("0x80090322", EvidenceSet.EMPTY.symptomText("0x80090322"));
        assertEquals(Optional.of(TargetName.parse("srv003")), EvidenceSet.EMPTY.lookupTarget(Optional.of(TargetName.parse("srv003"))));
    }
}
