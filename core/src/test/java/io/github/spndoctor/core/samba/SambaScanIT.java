package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.connect.Connector;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.scan.ForestScanner;
import io.github.spndoctor.core.scan.ScanFinding;
import io.github.spndoctor.core.scan.ScanListener;
import io.github.spndoctor.core.scan.ScanProgress;
import io.github.spndoctor.core.scan.ScanReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forest scan over the Samba lab's global catalog: the seeded hijacks, and a true duplicate forced offline. */
class SambaScanIT {
    private static Set<String> sams(ScanFinding f) {
        return f.accounts().stream().map(AccountRef::samAccountName).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static ScanReport scan(List<ScanProgress> progress) throws Exception {
        try (Directory dir = Connector.open(SambaLab.profile(), SambaLab.password().toCharArray())) {
            return ForestScanner.scan(dir, 5, new ScanListener() {
                @Override
                public void progress(ScanProgress p) { progress.add(p); }
            });
        }
    }

    private static boolean hijack(ScanReport r, String spn, String service, String computer) {
        return r.findings().stream().anyMatch(f -> f.cause() == CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT
                && f.spns().get(0).equalsIgnoreCase(spn) && sams(f).equals(Set.of(service, computer)));
    }

    @Test
    void seededHijacksThenAForcedTrueDuplicate() throws Exception {
        SambaLab.require();
        SambaLab.script("seed");
        List<ScanProgress> progress = new ArrayList<>();
        ScanReport seeded = scan(progress);
        assertTrue(seeded.complete());
        assertTrue(hijack(seeded, "HTTP/srv003.lab.test", "svc-srv003-web$", "srv003$"), seeded.findings().toString());
        assertTrue(hijack(seeded, "http/DYNAMICS-CRM", "crmiispoolserviceaccount", "dynamics-crm$"), seeded.findings().toString());
        assertTrue(hijack(seeded, "http/DYNAMICS-CRM.lab.test", "crmiispoolserviceaccount", "dynamics-crm$"), seeded.findings().toString());
        assertFalse(seeded.findings().stream().anyMatch(f -> f.cause() == CauseId.DUPLICATE_SPN), seeded.findings().toString());
        assertFalse(seeded.findings().stream().anyMatch(f -> sams(f).contains("srv004$")), "srv004 is healthy");
        assertTrue(progress.stream().filter(p -> p.phase().equals("scanning")).count() >= 2, "paged with progress");
        assertTrue(seeded.spns() >= 20, "DC and scenario SPNs: " + seeded.spns());

        try {
            SambaLab.script("force-dup", "WSMAN/srv003.lab.test", "crmIisPoolServiceAccount");
            ScanReport forced = scan(new ArrayList<>());
            ScanFinding dup = forced.findings().stream().filter(f -> f.cause() == CauseId.DUPLICATE_SPN).findFirst()
                    .orElseThrow(() -> new AssertionError("no duplicate found: " + forced.findings()));
            assertEquals("wsman/srv003.lab.test", dup.spns().get(0).toLowerCase(Locale.ROOT));
            assertEquals(Set.of("srv003$", "crmiispoolserviceaccount"), sams(dup));
            assertTrue(hijack(forced, "HTTP/srv003.lab.test", "svc-srv003-web$", "srv003$"), "hijack still reported");
        } finally {
            SambaLab.script("seed"); // removes the forced duplicate, leaves the normal scenario for other tests
        }
    }
}
