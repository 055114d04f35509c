package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.model.UnusualSpn;
import io.github.spndoctor.core.report.LookupJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: SPNs with invisible or look-alike characters are flagged by lookup and scan (knowledge.md 7.4). */
class UnusualSpnTest {
    static DemoDirectory demo;
    static final String HIDDEN = "HTTP/srv003\u200B.rwwilden01.local";   // zero width space
    static final String CYRILLIC = "HTTP/srv003.rwwilden01.l\u043Ecal";   // Cyrillic o

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    void seed() throws Exception {
        LookupResult l = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        AccountRef computer = l.computer().orElseThrow().ref();
        AccountRef msa = l.accounts().stream().filter(a -> !a.ref().sameEntry(computer)).findFirst().orElseThrow().ref();
        demo.apply(new SpnChange.Add(computer, Spn.parse(HIDDEN)));
        demo.apply(new SpnChange.Add(msa, Spn.parse(CYRILLIC)));
    }

    @Test
    void lookup_flagsEveryUnusualSpnOfTheAccountsItRead() throws Exception {
        LookupResult before = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        assertEquals(List.of(), before.unusualSpns(), "the plain demo has none");
        seed();
        LookupResult l = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
        List<UnusualSpn> u = l.unusualSpns();
        assertEquals(2, u.size(), u.toString());
        assertTrue(u.stream().anyMatch(x -> x.spn().equals(HIDDEN) && x.problem().contains("U+200B")
                && x.problem().contains("position 12") && x.holder().samAccountName().equals("SRV003$")), u.toString());
        assertTrue(u.stream().anyMatch(x -> x.spn().equals(CYRILLIC) && x.problem().contains("CYRILLIC SMALL LETTER O")), u.toString());
        assertTrue(u.get(0).sentence().contains("<U+"), u.get(0).sentence());
        assertEquals(2, LookupJson.toJson(l, List.of()).get("unusualSpns").size());
    }

    @Test
    void scan_flagsThemForestWide() throws Exception {
        assertEquals(List.of(), ForestScanner.scan(demo, ScanListener.NONE).unusual());
        seed();
        ScanReport r = ForestScanner.scan(demo, ScanListener.NONE);
        assertEquals(2, r.unusual().size(), r.unusual().toString());
        assertEquals(2, ScanJson.toJson(r).get("unusualSpns").size());
    }
}
