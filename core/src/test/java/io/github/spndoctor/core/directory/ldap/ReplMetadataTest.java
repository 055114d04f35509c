package io.github.spndoctor.core.directory.ldap;

import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ValueOrigin;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replication metadata of servicePrincipalName, binary and XML, from seeded generated input. */
class ReplMetadataTest {
    record Rec(int attid, int version, long seconds1601, byte[] invocation) {}

    static byte[] blob(List<Rec> recs) {
        ByteBuffer b = ByteBuffer.allocate(16 + 48 * recs.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).putInt(0).putInt(recs.size()).putInt(0);
        long usn = 4000;
        for (Rec r : recs) {
            b.putInt(r.attid).putInt(r.version).putLong(r.seconds1601).put(r.invocation).putLong(usn).putLong(usn++);
        }
        return b.array();
    }

    @Test
    void theSpnRecordIsFoundAmongOthersAndItsOriginNamed() {
        Random rnd = new Random(15);
        for (int trial = 0; trial < 200; trial++) {
            byte[] inv1 = new byte[16];
            byte[] inv2 = new byte[16];
            rnd.nextBytes(inv1);
            rnd.nextBytes(inv2);
            List<DomainController> dcs = List.of(new DomainController("dc1.x.test", "S", "DC=x", true, HexFormat.of().formatHex(inv1)),
                    new DomainController("dc2.x.test", "S", "DC=x", true, HexFormat.of().formatHex(inv2)));
            int others = rnd.nextInt(30);
            int at = rnd.nextInt(others + 1);
            long unix = 1_700_000_000L + rnd.nextInt(100_000_000);
            int version = 1 + rnd.nextInt(50);
            boolean fromDc2 = rnd.nextBoolean();
            List<Rec> recs = new java.util.ArrayList<>();
            for (int i = 0; i < others; i++) {
                int attid;
                do {
                    attid = rnd.nextInt();
                } while (attid == ReplMetadata.SPN_ATTID);
                recs.add(new Rec(attid, rnd.nextInt(9), rnd.nextLong(), inv1));
            }
            recs.add(at, new Rec(ReplMetadata.SPN_ATTID, version, unix + ReplMetadata.SECONDS_1601_TO_1970, fromDc2 ? inv2 : inv1));
            Optional<ValueOrigin> o = ReplMetadata.fromBlob(blob(recs), dcs);
            assertEquals(new ValueOrigin(fromDc2 ? "DC2" : "DC1", Instant.ofEpochSecond(unix), version), o.orElseThrow());
        }
    }

    @Test
    void truncatedOrHostileBlobsGiveNothingAndNeverThrow() {
        Random rnd = new Random(16);
        byte[] good = blob(List.of(new Rec(ReplMetadata.SPN_ATTID, 2, 13_440_627_933L, new byte[16])));
        for (int cut = 0; cut < good.length; cut++) {
            assertTrue(ReplMetadata.fromBlob(Arrays.copyOf(good, cut), List.of()).isEmpty(), "cut at " + cut);
        }
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[rnd.nextInt(200)];
            rnd.nextBytes(junk);
            ReplMetadata.fromBlob(junk, List.of()); // must not throw
        }
        ByteBuffer huge = ByteBuffer.wrap(Arrays.copyOf(good, good.length)).order(ByteOrder.LITTLE_ENDIAN);
        huge.putInt(8, Integer.MAX_VALUE);
        assertTrue(ReplMetadata.fromBlob(huge.array(), List.of()).isEmpty());
    }

    @Test
    void theXmlFormNamesTheSameDcAsTheBinaryForm() {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 50; trial++) {
            byte[] inv = new byte[16];
            rnd.nextBytes(inv);
            String raw = HexFormat.of().formatHex(inv);
            java.util.UUID text = textGuid(inv);
            List<DomainController> dcs = List.of(new DomainController("dc7.x.test", "S", "DC=x", false, raw));
            String xml = "<DS_REPL_ATTR_META_DATA>\n\t<pszAttributeName>servicePrincipalName</pszAttributeName>\n"
                    + "\t<dwVersion>3</dwVersion>\n\t<ftimeLastOriginatingChange>2026-12-01T20:02:46Z</ftimeLastOriginatingChange>\n"
                    + "\t<uuidLastOriginatingDsaInvocationID>" + text + "</uuidLastOriginatingDsaInvocationID>\n"
                    + "\t<pszLastOriginatingDsaDN>CN=NTDS Settings,CN=DC7,CN=Servers,CN=S,CN=Sites,CN=Configuration,DC=x</pszLastOriginatingDsaDN>\n"
                    + "</DS_REPL_ATTR_META_DATA>";
            String other = xml.replace("servicePrincipalName", "description").replace("<dwVersion>3", "<dwVersion>9");
            ValueOrigin o = ReplMetadata.fromXml(new String[]{other, xml}, dcs).orElseThrow();
            assertEquals(new ValueOrigin("DC7", Instant.parse("2026-12-01T20:02:46Z"), 3), o);
        }
        assertTrue(ReplMetadata.fromXml(new String[]{"<DS_REPL_ATTR_META_DATA><pszAttributeName>servicePrincipalName"}, List.of()).isEmpty());
    }

    /** The text form of a GUID stored as {@code b}: the first three fields little-endian (as Windows prints it). */
    static java.util.UUID textGuid(byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long d1 = Integer.toUnsignedLong(le.getInt(0));
        long d2 = Short.toUnsignedLong(le.getShort(4));
        long d3 = Short.toUnsignedLong(le.getShort(6));
        long hi = (d1 << 32) | (d2 << 16) | d3;
        long lo = ByteBuffer.wrap(b, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new java.util.UUID(hi, lo);
    }
}
