package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.AccountRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan over the demo forest finds every seeded conflict and nothing else. */
class ForestScannerDemoTest {
    static DemoDirectory demo;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Set<String> sams(ScanFinding f) {
        return f.accounts().stream().map(AccountRef::samAccountName).map(String::toLowerCase).collect(Collectors.toSet());
    }

    @Test
    void findsEverySeededConflict() throws Exception {
        List<ScanProgress> progress = new ArrayList<>();
        ScanReport r = ForestScanner.scan(demo, 3, new ScanListener() {
            @Override
            public void progress(ScanProgress p) { progress.add(p); }
        });
        assertTrue(r.complete());
        List<ScanFinding> hijacks = r.findings().stream().filter(f -> f.cause() == CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT).toList();
        assertTrue(hijacks.stream().anyMatch(f -> f.spns().get(0).equalsIgnoreCase("HTTP/srv003.rwwilden01.local")
                && sams(f).equals(Set.of("svc-srv003-web$", "srv003$"))), "srv003 hijack");
        assertTrue(hijacks.stream().anyMatch(f -> f.spns().get(0).equalsIgnoreCase("http/DYNAMICS-CRM")
                && sams(f).contains("crmiispoolserviceaccount")), "crm short-name hijack");
        assertTrue(hijacks.stream().anyMatch(f -> f.spns().get(0).equalsIgnoreCase("http/DYNAMICS-CRM.kimconnect.com")),
                "crm fqdn hijack");
        assertTrue(r.findings().stream().anyMatch(f -> f.cause() == CauseId.DUPLICATE_SPN
                && sams(f).equals(Set.of("svc-app01", "svc-app01-old"))), "literal duplicate");
        assertTrue(r.findings().stream().anyMatch(f -> f.cause() == CauseId.SPN_ON_OTHER_COMPUTER
                && f.spns().get(0).toLowerCase().startsWith("http/web05") && f.accounts().get(0).samAccountName().equalsIgnoreCase("OLDWEB05$")
                && f.accounts().get(1).samAccountName().equalsIgnoreCase("WEB05$")), "retired computer holds web05");
        // healthy hosts never appear
        assertFalse(r.findings().stream().anyMatch(f -> sams(f).contains("srv004$")), "srv004 is healthy");
        assertTrue(r.spns() > r.accounts());
        assertTrue(progress.stream().filter(p -> p.phase().equals("scanning")).count() >= 3, "one progress call per page");
        assertEquals("done", progress.get(progress.size() - 1).phase());
    }

    @Test
    void cancellingStopsBetweenPagesAndSaysIncomplete() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        ScanReport r = ForestScanner.scan(demo, 2, new ScanListener() {
            @Override
            public void progress(ScanProgress p) { pages.incrementAndGet(); }

            @Override
            public boolean cancelled() { return pages.get() >= 1; }
        });
        assertFalse(r.complete());
        assertEquals(2, r.accounts());
    }

    @Test
    void jsonNamesCauseIdsAndAccounts() throws Exception {
        ScanReport r = ForestScanner.scan(demo, ScanListener.NONE);
        String json = ScanJson.toJson(r).toString();
        assertTrue(json.contains("\"cause\":\"http-spn-on-service-account\""), json);
        assertTrue(json.contains("\"cause\":\"duplicate-spn\""), json);
        assertTrue(json.contains("\"kind\":\"msa\""), json);
        assertTrue(json.contains("\"complete\":true"), json);
    }
}
