package io.github.spndoctor.core.diagnosis;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.symptom.CommonSymptom;
import io.github.spndoctor.core.symptom.Symptom;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict: text plus the demo directory's lookup, plus DNS facts from a fake resolver. */
class DiagnoserTest {
    static final Symptom WRONG_PRINCIPAL = SymptomParser.parse(CommonSymptom.UNKNOWN_SECURITY_ERROR.text());
    static DemoDirectory demo;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static LookupResult lookup(String name) throws DirectoryException {
        return demo.lookup(TargetName.parse(name));
    }

    @Test
    void diagnose_serviceAccountHoldsHttpSpn_isVerdictWithDirectoryEvidence() throws Exception {
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(lookup("srv003.rwwilden01.local")));
        assertTrue(d.verdict());
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, d.top().id());
        assertTrue(d.top().confidence() > 0.9, "directory evidence makes it near-certain: " + d.top().confidence());
        assertTrue(d.top().evidence().stream().anyMatch(e -> e.source() == Evidence.Source.DIRECTORY
                && e.detail().contains("svc-srv003-web$")));
    }

    @Test
    void diagnose_userAccountHoldsShortNameSpn_dynamicsCrm() throws Exception {
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(lookup("DYNAMICS-CRM")));
        assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, d.top().id());
    }

    @Test
    void diagnose_retiredComputerHoldsHttpSpn_isSpnOnOtherComputer() throws Exception {
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(lookup("web05")));
        assertEquals(CauseId.SPN_ON_OTHER_COMPUTER, d.top().id());
        assertTrue(d.rank(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT) == 0
                || d.cause(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT).orElseThrow().confidence() < d.top().confidence() / 2,
                "the text's favourite is ruled down by the directory");
    }

    @Test
    void diagnose_literalDuplicate_isDuplicateSpn() throws Exception {
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(lookup("app01.contoso.com")));
        assertEquals(CauseId.DUPLICATE_SPN, d.top().id());
    }

    @Test
    void diagnose_cleanDirectoryWithWrongPrincipal_pointsAtMachineKeys() throws Exception {
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(lookup("srv004.rwwilden01.local")));
        assertEquals(CauseId.BROKEN_SECURE_CHANNEL, d.top().id());
        RankedCause http = d.cause(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT).orElseThrow();
        assertTrue(http.evidence().stream().anyMatch(e -> !e.supports() && e.source() == Evidence.Source.DIRECTORY),
                "the directory speaks against the service-account cause");
        assertTrue(http.confidence() < 0.2);
    }

    @Test
    void diagnose_credsspOnHostWithoutWsmanSpn_addsMissingSpnEvidence() throws Exception {
        Diagnosis d = Diagnoser.diagnose(CommonSymptom.CREDSSP_POLICY.symptom(), Optional.of(lookup("hci-node1.contoso.com")));
        assertEquals(CauseId.CREDSSP_DELEGATION_POLICY, d.top().id());
        assertTrue(d.rank(CauseId.MISSING_SPN) >= 2 && d.rank(CauseId.MISSING_SPN) <= 3);
        assertTrue(d.cause(CauseId.MISSING_SPN).orElseThrow().evidence().stream()
                .anyMatch(e -> e.detail().contains("WSMAN/hci-node1.contoso.com")));
    }

    @Test
    void diagnose_pypsrpAgainstHostWithoutWsman_isMissingSpn() throws Exception {
        Symptom s = SymptomParser.parse("pypsrp: kerberos auth failure: Server not found in Kerberos database");
        Diagnosis d = Diagnoser.diagnose(s, Optional.of(lookup("wac01.contoso.com")));
        assertEquals(CauseId.MISSING_SPN, d.top().id());
    }

    @Test
    void diagnose_computerNotFound_isNeverHealthy() throws Exception {
        Symptom s = SymptomParser.parse(CommonSymptom.CANNOT_FIND_COMPUTER.text());
        Diagnosis d = Diagnoser.diagnose(s, Optional.of(lookup("nosuchhost")));
        assertEquals(CauseId.NAME_RESOLUTION, d.top().id());
        assertTrue(d.top().evidence().stream().anyMatch(e -> e.detail().contains("No computer account")));
    }

    @Test
    void diagnose_ipTarget_isIpAddressNtlmFromNameFacts() {
        TargetName ip = TargetName.parse("10.1.2.3");
        Diagnosis d = Diagnoser.diagnose(Symptom.EMPTY, Optional.empty(),
                Optional.of(NameFacts.check(ip, Optional.empty(), new FakeNameResolver())));
        assertEquals(CauseId.IP_ADDRESS_NTLM, d.top().id());
        assertEquals(Evidence.Source.NAME, d.top().evidence().get(0).source());
    }

    @Test
    void diagnose_cnameTarget_isCnameAlias() throws Exception {
        LookupResult l = lookup("srv004.rwwilden01.local");
        FakeNameResolver dns = new FakeNameResolver().cname("portal.rwwilden01.local", "srv004.rwwilden01.local")
                .a("srv004.rwwilden01.local", "10.0.0.4");
        TargetName alias = TargetName.parse("portal.rwwilden01.local");
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(demo.lookup(alias)),
                Optional.of(NameFacts.check(alias, l.computer().flatMap(c -> c.dnsHostName()), dns)));
        assertEquals(CauseId.CNAME_ALIAS, d.top().id());
    }

    @Test
    void diagnose_reverseDnsDisagrees_isNameResolution() throws Exception {
        LookupResult l = lookup("srv004.rwwilden01.local");
        FakeNameResolver dns = new FakeNameResolver().a("srv004.rwwilden01.local", "10.0.0.9")
                .ptr("10.0.0.9", "oldbox.rwwilden01.local");
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(l),
                Optional.of(NameFacts.check(l.target(), l.computer().flatMap(c -> c.dnsHostName()), dns)));
        assertEquals(CauseId.NAME_RESOLUTION, d.top().id());
    }

    @Test
    void diagnose_dnsAgrees_speaksAgainstNameCauses() throws Exception {
        LookupResult l = lookup("srv004.rwwilden01.local");
        FakeNameResolver dns = new FakeNameResolver().a("srv004.rwwilden01.local", "10.0.0.4")
                .ptr("10.0.0.4", "srv004.rwwilden01.local");
        Diagnosis d = Diagnoser.diagnose(WRONG_PRINCIPAL, Optional.of(l),
                Optional.of(NameFacts.check(l.target(), l.computer().flatMap(c -> c.dnsHostName()), dns)));
        assertTrue(d.cause(CauseId.NAME_RESOLUTION).orElseThrow().evidence().stream()
                .anyMatch(e -> !e.supports() && e.source() == Evidence.Source.NAME));
        assertEquals(CauseId.BROKEN_SECURE_CHANNEL, d.top().id());
    }

    @Test
    void diagnoseAfterFailedLookup_ranksUnknownWithTheFailure_andNeverVerdict() {
        DirectoryException ex = new DirectoryException(DirectoryException.Kind.UNREACHABLE,
                "The domain controller dc1.contoso.com did not answer.");
        Diagnosis d = Diagnoser.diagnoseAfterFailedLookup(Symptom.EMPTY, ex);
        assertFalse(d.verdict());
        assertEquals(CauseId.UNKNOWN, d.top().id());
        assertTrue(d.top().evidence().stream().anyMatch(e -> e.detail().contains("did not answer")));
        Diagnosis withText = Diagnoser.diagnoseAfterFailedLookup(WRONG_PRINCIPAL, ex);
        assertEquals(CauseId.UNKNOWN, withText.top().id(), "a failed lookup yields unknown first");
        assertFalse(withText.verdict());
        assertTrue(withText.rank(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT) > 0, "text hypotheses stay too");
    }

    @Test
    void diagnose_emptyText_isUnknownOnly() {
        Diagnosis d = Diagnoser.diagnose(Symptom.EMPTY, Optional.empty());
        assertEquals(1, d.causes().size());
        assertEquals(CauseId.UNKNOWN, d.top().id());
        assertFalse(d.verdict());
    }

    @ParameterizedTest
    @EnumSource(CommonSymptom.class)
    void commonSymptom_ranksItsCauseFirst(CommonSymptom c) {
        Map<CommonSymptom, CauseId> expected = new EnumMap<>(CommonSymptom.class);
        expected.put(CommonSymptom.UNKNOWN_SECURITY_ERROR, CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT);
        expected.put(CommonSymptom.SERVER_MANAGER_REFRESH, CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT);
        expected.put(CommonSymptom.EVENT_4_MODIFIED, CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT);
        expected.put(CommonSymptom.SERVER_NOT_FOUND, CauseId.MISSING_SPN);
        expected.put(CommonSymptom.MESSAGE_STREAM_MODIFIED, CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT);
        expected.put(CommonSymptom.CREDSSP_POLICY, CauseId.CREDSSP_DELEGATION_POLICY);
        expected.put(CommonSymptom.ACCESS_DENIED, CauseId.ACCESS_DENIED);
        expected.put(CommonSymptom.CANNOT_CONNECT, CauseId.WINRM_UNREACHABLE);
        expected.put(CommonSymptom.LOGON_SESSION, CauseId.SECOND_HOP_DELEGATION);
        expected.put(CommonSymptom.IP_ADDRESS, CauseId.IP_ADDRESS_NTLM);
        expected.put(CommonSymptom.CANNOT_FIND_COMPUTER, CauseId.NAME_RESOLUTION);
        expected.put(CommonSymptom.TARGET_UNKNOWN, CauseId.MISSING_SPN);
        expected.put(CommonSymptom.NO_LOGON_SERVERS, CauseId.CROSS_DOMAIN_NO_TRUST);
        expected.put(CommonSymptom.CLOCK_SKEW, CauseId.TIME_SKEW);
        expected.put(CommonSymptom.TRUST_RELATIONSHIP, CauseId.BROKEN_SECURE_CHANNEL);
        expected.put(CommonSymptom.DUPLICATE_SPN_EVENT, CauseId.DUPLICATE_SPN);
        assertNotNull(expected.get(c), "add an expectation for " + c);
        assertEquals(expected.get(c), Diagnoser.diagnose(c.symptom(), Optional.empty()).top().id());
    }

    @Test
    void catalog_hasTextForEveryCause() {
        for (CauseId id : CauseId.values()) {
            CauseInfo info = CauseCatalog.info(id);
            assertNotNull(info, id.id());
            assertFalse(info.explanation().isBlank());
            assertFalse(info.decisiveCheck().isBlank());
            assertFalse(info.remedies().isEmpty());
        }
    }
}
