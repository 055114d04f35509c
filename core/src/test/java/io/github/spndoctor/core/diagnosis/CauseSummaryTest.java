package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.CommonSymptom;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CauseSummaryTest {
    static final Account SRV003 = new Account(new AccountRef("CN=SRV003,CN=Computers,DC=rwwilden01,DC=local", "SRV003$",
            AccountKind.COMPUTER), List.of(), Optional.of("srv003.rwwilden01.local"), 0x1000, List.of());

    @Test
    void placeholders_areFilledWithTheRealNames_inEveryCausesTextAndChecks() {
        TargetName t = TargetName.parse("srv003");
        for (CommonSymptom s : CommonSymptom.values()) {
            for (RankedCause c : Diagnoser.diagnose(s.symptom(), Optional.empty()).causes()) {
                CauseSummary sum = CauseSummary.of(c, t, Optional.of(SRV003));
                for (String line : concat(sum)) {
                    for (String ph : List.of("<name>", "<name as typed>", "<host>", "<FQDN>", "<fqdn>", "<short name>", "<computer>", "<domain>")) {
                        assertFalse(line.contains(ph), c.id() + ": " + line);
                    }
                }
            }
        }
        RankedCause wrong = new RankedCause(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, 0.9, List.of());
        CauseSummary sum = CauseSummary.of(wrong, t, Optional.of(SRV003));
        assertTrue(sum.checks().get(0).contains("HTTP/srv003"), sum.checks().toString());
        assertEquals("Very likely", sum.confidenceText());
        assertEquals("90 %", sum.confidenceNumber());
    }

    private static List<String> concat(CauseSummary s) {
        List<String> out = new java.util.ArrayList<>(s.checks());
        out.addAll(s.evidence());
        out.add(s.why());
        return out;
    }
}
