package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.samba.SambaLab;
import io.github.spndoctor.core.symptom.CommonSymptom;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verdicts against a real Samba AD DC (seeded scenario: srv003, dynamics-crm, healthy srv004). Read-only. */
class DiagnosisSambaIT {
    static final Symptom SERVER_MANAGER = CommonSymptom.SERVER_MANAGER_REFRESH.symptom();

    @BeforeAll
    static void seed() throws Exception {
        SambaLab.require();
        SambaLab.script("seed");
    }

    static Diagnosis diagnose(Symptom s, String target) throws Exception {
        try (LdapDirectory dir = SambaLab.directory()) {
            return Diagnoser.diagnose(s, Optional.of(dir.lookup(TargetName.parse(target))));
        }
    }

    @Test
    void srv003_serviceAccountHoldsHttpSpn_isAVerdict() throws Exception {
        Diagnosis d = diagnose(SERVER_MANAGER, "srv003.lab.test");
        assertTrue(d.verdict());
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, d.top().id());
        assertTrue(d.top().confidence() > 0.9, String.valueOf(d.top().confidence()));
        assertTrue(d.top().evidence().stream().anyMatch(e -> e.detail().contains("svc-srv003-web$")), d.top().evidence().toString());
    }

    @Test
    void dynamicsCrm_credssp_addsTheMissingWsmanSpn() throws Exception {
        Diagnosis d = diagnose(CommonSymptom.CREDSSP_POLICY.symptom(), "dynamics-crm.lab.test");
        assertEquals(CauseId.CREDSSP_DELEGATION_POLICY, d.top().id());
        int missing = d.rank(CauseId.MISSING_SPN);
        assertTrue(missing >= 2 && missing <= 3, "missing-spn rank " + missing + ": " + d.causes());
    }

    @Test
    void srv004_healthyDirectory_pointsAwayFromSpnCauses() throws Exception {
        Diagnosis d = diagnose(SymptomParser.parse("kvno: Wrong principal in request while getting credentials for HTTP/srv004.lab.test"),
                "srv004.lab.test");
        assertEquals(CauseId.BROKEN_SECURE_CHANNEL, d.top().id(), d.causes().toString());
        assertTrue(d.cause(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT).map(RankedCause::confidence).orElse(0.0) < 0.2);
    }

    @Test
    void unknownHost_isNameResolutionNotHealthy() throws Exception {
        Diagnosis d = diagnose(SERVER_MANAGER, "nosuchhost.lab.test");
        assertEquals(CauseId.NAME_RESOLUTION, d.top().id(), d.causes().toString());
    }
}
