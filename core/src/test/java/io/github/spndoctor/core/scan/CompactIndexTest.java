package io.github.spndoctor.core.scan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The primitive map and text arena behave like their java.util counterparts (seeded random operations). */
class CompactIndexTest {
    @Test
    void longIntMapMatchesHashMap() {
        for (long seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed);
            LongIntMap map = new LongIntMap(4);
            Map<Long, Integer> ref = new HashMap<>();
            for (int i = 0; i < 5000; i++) {
                long k = rnd.nextInt(3) == 0 ? rnd.nextInt(50) : rnd.nextLong(); // includes 0 and repeats
                int v = rnd.nextInt(1000);
                if (rnd.nextBoolean()) {
                    Integer old = ref.putIfAbsent(k, v);
                    assertEquals(old == null ? LongIntMap.ABSENT : old, map.putIfAbsent(k, v), "seed " + seed);
                } else {
                    ref.put(k, v);
                    map.put(k, v);
                }
            }
            assertEquals(ref.size(), map.size(), "seed " + seed);
            for (Map.Entry<Long, Integer> e : ref.entrySet()) {
                assertEquals(e.getValue(), map.get(e.getKey()), "seed " + seed);
            }
            assertEquals(LongIntMap.ABSENT, map.get(Long.MIN_VALUE + 12345));
        }
    }

    @Test
    void textArenaKeepsEveryRecord() {
        Random rnd = new Random(7);
        TextArena arena = new TextArena();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.append((char) (rnd.nextBoolean() ? 'a' + rnd.nextInt(26) : 0x00e0 + rnd.nextInt(300)));
            }
            texts.add(sb.toString());
            assertEquals(i, arena.add(i * 31L, -i, sb.toString()));
        }
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), arena.text(i));
            assertEquals(i * 31L, arena.key(i));
            assertEquals(-i, arena.tag(i));
        }
    }

    /** The batched inserts into the SPN table find the same duplicates as a plain map, within and across batches. */
    @Test
    void indexFindsTheDuplicatesAPlainMapFinds() {
        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            ForestScanner.Index index = new ForestScanner.Index(ScanListener.NONE, 0);
            Map<String, Integer> owner = new HashMap<>();
            java.util.Set<String> expected = new java.util.TreeSet<>();
            for (int id = 0; id < 3000; id++) {
                List<String> spns = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    String spn = "MSSQLSvc/db" + rnd.nextInt(4000) + ".lab.test:1433";
                    spns.add(rnd.nextBoolean() ? spn : spn.toUpperCase(java.util.Locale.ROOT));
                }
                for (String spn : new java.util.LinkedHashSet<>(spns)) {
                    Integer prev = owner.putIfAbsent(spn.toLowerCase(java.util.Locale.ROOT), id);
                    if (prev != null && prev != id) {
                        expected.add(spn.toLowerCase(java.util.Locale.ROOT));
                    }
                }
                index.accept(new io.github.spndoctor.core.directory.SpnHolder("CN=a" + id, "a" + id,
                        io.github.spndoctor.core.model.AccountKind.USER, null, spns));
                if (rnd.nextInt(200) == 0) {
                    index.pageDone(id);
                }
            }
            index.flush();
            java.util.Set<String> found = new java.util.TreeSet<>();
            index.duplicates.values().forEach(v -> found.add(v.toLowerCase(java.util.Locale.ROOT)));
            assertEquals(expected, found, "seed " + seed);
        }
    }

    @Test
    void watchedClassesAreRecognisedWithoutSubstrings() {
        assertEquals("http", ForestScanner.watchedClass("http/web01", 4));
        assertEquals("host", ForestScanner.watchedClass("host/web01", 4));
        assertEquals("wsman", ForestScanner.watchedClass("wsman/web01", 5));
        assertEquals("restrictedkrbhost", ForestScanner.watchedClass("restrictedkrbhost/web01", 17));
        assertEquals(null, ForestScanner.watchedClass("https/web01", 5));
        assertEquals(null, ForestScanner.watchedClass("mssqlsvc/web01", 8));
        assertEquals(null, ForestScanner.watchedClass("hos/web01", 3));
    }

    @Test
    void hostParsing() {
        assertEquals("srv003.lab.test.", ForestScanner.hostOf("http/srv003.lab.test.", 4));
        assertEquals("srv003", ForestScanner.hostOf("http/srv003:5985", 4));
        assertEquals("dc1.lab.test", ForestScanner.hostOf("ldap/dc1.lab.test/lab.test", 4));
        assertEquals("[::1]", ForestScanner.hostOf("http/[::1]:80", 4));
        assertEquals(true, ForestScanner.hasPort("http/srv003:5985", 4));
        assertEquals(false, ForestScanner.hasPort("http/srv003/x:1", 4));
    }
}
