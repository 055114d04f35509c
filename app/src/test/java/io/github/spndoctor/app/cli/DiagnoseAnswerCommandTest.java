package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spndoctor.core.diagnosis.Answer;
import io.github.spndoctor.core.diagnosis.Diagnoser;
import io.github.spndoctor.core.diagnosis.Diagnosis;
import io.github.spndoctor.core.symptom.SymptomParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.github.spndoctor.app.cli.DiagnoseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code diagnose --answer ID=VALUE}: the CLI face of core's deciding question; words instead of percentages. */
class DiagnoseAnswerCommandTest {
    static final String BARE = "Enter-PSSession web01 : WinRM cannot process the request. The following error with errorcode "
            + "0x80090322 occurred while using Kerberos authentication: An unknown security error occurred.";

    @Test
    void json_listsTheQuestion_andTheAnswerReRanks() throws Exception {
        DiagnoseCommandTest.Run first = run(BARE, "diagnose", "--json");
        assertEquals(0, first.status(), first.err());
        JsonNode q = first.json().get("question");
        assertTrue(q != null && q.get("id").asText().length() > 0, first.out());
        assertTrue(q.get("text").asText().endsWith("?") || q.get("kind").asText().equals("check"));
        assertTrue(q.get("choices").size() >= 2);
        assertEquals("possible", first.json().get("causes").get(0).get("likelihood").asText());

        // the same answer through core gives the same ranking as through the CLI: one truth
        DiagnoseCommandTest.Run second = run(BARE, "diagnose", "--json", "--answer", "spn-holder=other-computer");
        assertEquals(0, second.status(), second.err());
        JsonNode root = second.json();
        assertEquals("spn-on-other-computer", root.get("causes").get(0).get("id").asText());
        assertEquals("spn-holder", root.get("answers").get(0).get("id").asText());
        assertEquals("You said: setspn shows HTTP/ on another computer", root.get("answers").get(0).get("said").asText());
        Diagnosis core = Diagnoser.diagnose(SymptomParser.parse(BARE), Optional.empty(), Optional.empty(),
                List.of(Answer.of("spn-holder", "other-computer")));
        assertEquals(core.top().confidence(), root.get("causes").get(0).get("confidence").asDouble(), 0.005);
        if (root.has("question")) {
            assertNotEquals("spn-holder", root.get("question").get("id").asText(), "an answered question is not asked again");
        }
    }

    @Test
    void text_showsWordsQuestionAndAnswers_noPercentages() {
        DiagnoseCommandTest.Run r = run(BARE, "diagnose");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(" 1. Possible "), r.out());
        assertFalse(r.out().matches("(?s).*\\d+%.*"), "no percentages in the text output: " + r.out());
        assertTrue(r.out().contains("would separate the leading causes"), r.out());
        assertTrue(r.out().contains("--answer "), r.out());

        DiagnoseCommandTest.Run a = run(BARE, "diagnose", "--answer", "about-server=web-app", "--answer", "works-by-ip=yes");
        assertEquals(0, a.status(), a.err());
        assertTrue(a.out().contains("You said: the server runs a web application under a domain account."), a.out());
        assertTrue(a.out().contains("You said: it works by IP address."), a.out());
        assertTrue(a.out().contains(" 1. Very likely The server's HTTP SPN belongs to a service account"), a.out());
    }

    @Test
    void badAnswer_clearMessage_nonZero() {
        DiagnoseCommandTest.Run unknownQuestion = run(BARE, "diagnose", "--answer", "no-such-question=yes");
        assertNotEquals(0, unknownQuestion.status());
        assertTrue(unknownQuestion.err().contains("Unknown question 'no-such-question'"), unknownQuestion.err());
        assertTrue(unknownQuestion.err().contains("works-by-ip"), "lists the questions: " + unknownQuestion.err());

        DiagnoseCommandTest.Run badValue = run(BARE, "diagnose", "--answer", "works-by-ip=maybe");
        assertNotEquals(0, badValue.status());
        assertTrue(badValue.err().contains("yes, no, not-tried"), badValue.err());

        DiagnoseCommandTest.Run noEquals = run(BARE, "diagnose", "--answer", "works-by-ip");
        assertNotEquals(0, noEquals.status());
        assertTrue(noEquals.err().contains("QUESTION_ID=VALUE"), noEquals.err());
    }
}
