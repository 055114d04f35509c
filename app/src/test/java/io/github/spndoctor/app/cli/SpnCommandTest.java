package io.github.spndoctor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static io.github.spndoctor.app.cli.LookupCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpnCommandTest {
    static JsonNode json(String... args) throws Exception {
        LookupCommandTest.Run r = run(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void serverManagerOnTheHijackedHostGetsTheServiceAccountsKey() throws Exception {
        JsonNode j = json("spn", "--demo", "--target", "srv003.rwwilden01.local", "--client", "server-manager", "--json");
        assertEquals("srv003.rwwilden01.local", j.get("target").asText());
        assertEquals("server-manager", j.get("client").asText());
        assertEquals("HTTP/srv003.rwwilden01.local", j.get("spn").asText());
        assertEquals("svc-srv003-web$", j.get("answeredBy").get("account").asText());
        assertEquals("msa", j.get("answeredBy").get("kind").asText());
        assertEquals("exact", j.get("answeredBy").get("how").asText());
        assertEquals("wrong-account", j.get("verdict").asText());
        assertEquals("Server Manager asks for HTTP/srv003.rwwilden01.local → held by svc-srv003-web$ (managed service "
                + "account) → the ticket is encrypted for the wrong account", j.get("headline").asText());
    }

    @Test
    void theHealthyHostIsAnsweredThroughHost() throws Exception {
        JsonNode j = json("spn", "--target", "srv004.rwwilden01.local", "--json");
        assertEquals("host-alias", j.get("answeredBy").get("how").asText());
        assertEquals("SRV004$", j.get("answeredBy").get("account").asText());
        assertEquals("right-account", j.get("verdict").asText());
    }

    @Test
    void portAndPrefixChangeTheRequestedSpn() throws Exception {
        JsonNode port = json("spn", "--target", "srv003.rwwilden01.local", "--include-port", "--json");
        assertEquals("HTTP/srv003.rwwilden01.local:5985", port.get("spn").asText());
        assertEquals("none", port.get("answeredBy").get("how").asText());
        assertEquals("no-account", port.get("verdict").asText());
        JsonNode wsman = json("spn", "--target", "srv003.rwwilden01.local", "--spn-prefix", "WSMAN", "--json");
        assertEquals("WSMAN/srv003.rwwilden01.local", wsman.get("spn").asText());
        assertEquals("exact", wsman.get("answeredBy").get("how").asText());
        assertEquals("right-account", wsman.get("verdict").asText());
        JsonNode pypsrp = json("spn", "--target", "DYNAMICS-CRM.kimconnect.com", "--client", "pypsrp", "--no-dns-canonicalize", "--json");
        assertEquals("WSMAN/dynamics-crm.kimconnect.com", pypsrp.get("spn").asText());
        assertEquals("no-account", pypsrp.get("verdict").asText());
    }

    @Test
    void listClientsNamesEveryId() throws Exception {
        JsonNode list = json("spn", "--list-clients", "--json");
        Set<String> ids = new HashSet<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        for (WinrmClient c : WinrmClient.values()) {
            assertTrue(ids.contains(c.id()), c.id());
        }
        assertTrue(ids.containsAll(Set.of("powershell", "server-manager", "wac", "winrs", "pwsh-linux", "pywinrm",
                "ansible-winrm", "pypsrp", "ansible-psrp")));
    }

    @Test
    void badInputGetsOneClearLine() {
        LookupCommandTest.Run r = run("spn", "--target", "srv003", "--client", "telnet");
        assertEquals(CliErrors.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("Unknown client 'telnet'"), r.err());
        LookupCommandTest.Run bad = run("spn", "--target", "x".repeat(100_000));
        assertEquals(CliErrors.EXIT_INPUT, bad.status());
        assertTrue(bad.err().length() < 300, bad.err());
        LookupCommandTest.Run noTarget = run("spn");
        assertEquals(CliErrors.EXIT_INPUT, noTarget.status());
    }
}
