package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.diagnosis.Rule;
import io.github.spndoctor.core.diagnosis.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Negated mentions do not count as the thing negated (ADR 0204); a seeded generator checks it never raises a cause. */
class NegationTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "KRB_AP_ERR_MODIFIED|there are no KRB_AP_ERR_MODIFIED events in the System log",
            "SPN_ON_OTHER_ACCOUNT|there is no SPN registered to another account",
            "WORKS_BY_IP|it does not work by IP either",
            "WORKS_BY_IP|by IP address it doesn't work either",
            "DUPLICATE_WORDS|setspn shows it is not a duplicate SPN",
            "IIS_APP_POOL|no IIS on that box",
            "SAME_DOMAIN|the client is not in the same domain",
            "SECOND_HOP|this is not a second hop",
            "REPORTING_SERVICES|we never installed SSRS there",
            "WORKS_BY_IP|es funktioniert auch nicht mit der IP-Adresse, nicht by IP",
            "DUPLICATE_WORDS|es gibt keine duplicate SPNs",
            "SPN_ON_OTHER_ACCOUNT|kein SPN registered to another account",
            "IIS_APP_POOL|ohne IIS",
            "DUPLICATE_WORDS|il n'y a pas de duplicate SPN",
            "WORKS_BY_IP|ça ne works pas by IP non plus",
            "IIS_APP_POOL|aucun IIS sur ce serveur",
            "SERVICE_ACCOUNT|sans service account"})
    void negatedMention_isNotAFact(String what, String text) {
        Symptom s = SymptomParser.parse(text);
        boolean found = what.equals("KRB_AP_ERR_MODIFIED") ? s.has(KnownError.KRB_AP_ERR_MODIFIED) : s.has(Clue.valueOf(what));
        assertFalse(found, what + " was read from: " + text + " → " + s.clues() + s.errors());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "WORKS_BY_IP|it works by IP address, but not by name",
            "WORKS_WITH_OTHER_NAME|works with the FQDN but not the short name",
            "DIFFERENT_DOMAIN|the client is not domain-joined",
            "DIFFERENT_DOMAIN|there is no trust between them",
            "MISSING_SPN_WORDS|the SPN is not registered",
            "RIGHTS|the user is not a member of the local Administrators group",
            "DUPLICATE_WORDS|not sure if this is a duplicate SPN",
            "IIS_APP_POOL|No, it runs IIS",
            "DNS_MISMATCH|the FQDN is not reverse-resolving",
            "CONNECTIVITY|the WinRM service is not running",
            "SPN_ON_OTHER_ACCOUNT|(no error text) the SPN is registered to another account",
            "NAME_FORM_DROPPED|the command loses the domain name and connects to the short host name",
            "NAME_NOT_FOUND|it can't find the server",
            "CURRENT_CREDENTIALS|choosing 'use my current Windows credentials' fails",
            "EXPLICIT_CREDENTIALS_WORK|typing the same credentials works",
            "CONNECT_BY_IP|the inventory lists the hosts by IP address"})
    void positiveOrInherentlyNegative_isAFact(Clue clue, String text) {
        Symptom s = SymptomParser.parse(text);
        assertTrue(s.has(clue), clue + " not read from: " + text + " → " + s.clues());
    }

    /** Causes a clue speaks for in the rule table. */
    static Set<CauseId> supported(Object condition) {
        Set<CauseId> out = EnumSet.noneOf(CauseId.class);
        for (Rule r : Rules.all()) {
            if (r.weight() > 0 && r.when().contains(condition)) {
                out.add(r.cause());
            }
        }
        return out;
    }

    /** A phrase the parser reads as the fact, as it would follow a negation word. */
    private record Claim(Object fact, String phrase) {}

    private static final List<Claim> CLAIMS = List.of(
            new Claim(Clue.IIS_APP_POOL, "IIS application pool on the server"),
            new Claim(Clue.REPORTING_SERVICES, "SSRS installed"),
            new Claim(Clue.SERVICE_ACCOUNT, "service account involved"),
            new Claim(Clue.SPN_ON_OTHER_ACCOUNT, "SPN registered to another account"),
            new Claim(Clue.WORKS_BY_IP, "work by IP address either"),
            new Claim(Clue.DUPLICATE_WORDS, "duplicate SPN"),
            new Claim(Clue.SECOND_HOP, "second hop here"),
            new Claim(Clue.ALIAS, "CNAME or alias in use"),
            new Claim(Clue.CLOCK, "time skew"),
            new Claim(Clue.SECURE_CHANNEL, "snapshot was restored"),
            new Claim(Clue.DIFFERENT_DOMAIN, "different domain involved"),
            new Claim(Clue.RENAMED_OR_REUSED, "renamed computer"),
            new Claim(Clue.INCLUDE_PORT, "IncludePortInSPN"),
            new Claim(Clue.WORKS_WITH_OTHER_NAME, "works with the FQDN"),
            new Claim(Clue.SSH_LOGON, "SSH session"),
            new Claim(Clue.CURRENT_CREDENTIALS, "single sign-on"),
            new Claim(Clue.NAME_FORM_DROPPED, "domain suffix stripped"),
            new Claim(KnownError.KRB_AP_ERR_MODIFIED, "KRB_AP_ERR_MODIFIED events"),
            new Claim(KnownError.KRB_AP_ERR_MODIFIED, "Message stream modified in the log"),
            new Claim(KnownError.SEC_E_WRONG_PRINCIPAL, "0x80090322 here"));
    private static final List<String> CUES = List.of("there is no ", "no ", "not ", "we do not see any ", "it does not ",
            "never a ", "without ", "there isn't any ", "nothing about ", "keine ", "kein ", "nicht ", "es gibt keinen ",
            "ohne ", "pas de ", "aucun ", "il n'y a pas de ", "ça ne ", "sans ");
    private static final List<String> CONTEXT = List.of("Enter-PSSession web01 failed with 0x80090322.",
            "Access is denied.", "the specified credentials were rejected by the server.",
            "Invoke-Command -ComputerName web01.contoso.com fails.", "It works by IP address.", "The app pool runs IIS.",
            "Ansible with the kerberos transport.", "WinRM cannot process the request.", "", "KRB_AP_ERR_MODIFIED",
            "Cannot find the computer web01.", "Der Zielprinzipalname ist falsch.", "Le nom principal cible est incorrect.");

    private static boolean has(Symptom s, Object fact) {
        return fact instanceof Clue c ? s.has(c) : s.has((KnownError) fact);
    }

    @Test
    void negatingAClue_neverRaisesItsCause_seeded() {
        Random r = new Random(0xE6A7_10AL);
        int checked = 0;
        for (int i = 0; i < 1_500; i++) {
            Claim claim = CLAIMS.get(r.nextInt(CLAIMS.size()));
            StringBuilder base = new StringBuilder();
            for (int k = r.nextInt(4); k > 0; k--) {
                base.append(CONTEXT.get(r.nextInt(CONTEXT.size()))).append(r.nextBoolean() ? " " : "\n");
            }
            String negated = CUES.get(r.nextInt(CUES.size())) + claim.phrase();
            String text = r.nextBoolean() ? base + "\n" + negated + "." : negated + ".\n" + base;
            // the phrase on its own is read as the fact: the generator tests something
            assertTrue(has(SymptomParser.parse(claim.phrase()), claim.fact()), claim.phrase());
            Diagnosis without = Diagnoser.diagnose(SymptomParser.parse(base.toString()), Optional.empty());
            Diagnosis with = Diagnoser.diagnose(SymptomParser.parse(text), Optional.empty());
            for (CauseId cause : supported(claim.fact())) {
                double before = without.cause(cause).map(c -> c.confidence()).orElse(0.0);
                double after = with.cause(cause).map(c -> c.confidence()).orElse(0.0);
                assertTrue(after <= before, "negating '" + claim.phrase() + "' raised " + cause.id() + " from " + before
                        + " to " + after + " in: " + text.replace("\n", " / "));
                checked++;
            }
        }
        assertTrue(checked > 1_000, "checked " + checked);
    }
}
