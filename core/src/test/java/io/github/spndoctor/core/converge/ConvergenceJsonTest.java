package io.github.spndoctor.core.converge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code converge --json}'s contract (issue 15): {"converged": bool, "dcs": [{"dc", "site", "state": "converged" |
 * "stale" | "unreachable", "seconds"}]} for seeded random rounds, "converged" true only when every DC is; and the
 * client steps in the session's names.
 */
class ConvergenceJsonTest {
    static final AccountRef SVC = new AccountRef("CN=svc-web,CN=Users,DC=corp,DC=test", "svc-web", AccountKind.USER);
    static final Spn SPN = Spn.parse("HTTP/web.corp.test");

    static ConvergenceReport round(List<DcState> states, boolean added) {
        List<DcStatus> dcs = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            DomainController dc = new DomainController("dc" + (i + 1) + ".corp.test", "Site-" + (i % 3), "DC=corp,DC=test", i == 0, "");
            dcs.add(new DcStatus(dc, states.get(i), 0.25 * i, Optional.empty(), List.of(), ""));
        }
        return new ConvergenceReport(dcs, List.of(new Expectation(SVC, SPN, added)), Instant.now(), Instant.now(), "test values");
    }

    @Test
    void theJsonHasTheIssuesShape_andConvergedOnlyWhenEveryDcIs() throws Exception {
        Random random = new Random(1515);
        ObjectMapper json = new ObjectMapper();
        for (int run = 0; run < 200; run++) {
            List<DcState> states = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                states.add(DcState.values()[random.nextInt(DcState.values().length)]);
            }
            JsonNode o = json.readTree(ConvergenceJson.render(round(states, random.nextBoolean())));
            assertTrue(o.path("converged").isBoolean(), o.toString());
            assertEquals(states.stream().allMatch(s -> s == DcState.CONVERGED), o.path("converged").asBoolean(), states.toString());
            JsonNode dcs = o.path("dcs");
            assertTrue(dcs.isArray());
            assertEquals(n, dcs.size());
            for (int i = 0; i < n; i++) {
                JsonNode d = dcs.get(i);
                assertEquals("dc" + (i + 1) + ".corp.test", d.path("dc").asText());
                assertTrue(d.path("site").isTextual(), d.toString());
                assertEquals(states.get(i).id(), d.path("state").asText());
                assertTrue(Set.of("converged", "stale", "unreachable").contains(d.path("state").asText()));
                assertTrue(d.path("seconds").isNumber(), d.toString());
            }
        }
    }

    @Test
    void theClientStepsNameTheCommandsAndTheNegativeCacheOnlyForAnAdd() {
        List<String> removed = ClientAdvice.steps(round(List.of(DcState.CONVERGED, DcState.STALE), false));
        String all = String.join("\n", removed);
        for (String cmd : List.of("klist purge", "klist -li 0x3e7 purge", "kdestroy", "klist query_bind", "klist get " + SPN, "kvno " + SPN)) {
            assertTrue(all.contains(cmd), cmd + " in " + all);
        }
        assertFalse(all.contains("15 minutes"), "nothing was added: no negative cache " + all);
        assertTrue(all.contains("does not hold the change yet"), "not converged: the bound DC matters " + all);
        String added = String.join("\n", ClientAdvice.steps(round(List.of(DcState.CONVERGED), true)));
        assertTrue(added.contains("A client that asked for " + SPN + " before it existed may keep the answer \"no such SPN\" for up to 15 minutes"), added);
    }
}
