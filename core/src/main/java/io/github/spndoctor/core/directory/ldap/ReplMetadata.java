package io.github.spndoctor.core.directory.ldap;

import io.github.spndoctor.core.directory.DomainController;
import io.github.spndoctor.core.directory.ValueOrigin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the replication metadata of servicePrincipalName from an entry: the constructed
 * {@code msDS-ReplAttributeMetaData} (XML fragments, Windows) when offered, else the binary
 * {@code replPropertyMetaData} (MS-DRSR PROPERTY_META_DATA_EXT_VECTOR: version 1, count, then 48-byte records of
 * attid, version, originating time in seconds since 1601, originating invocationId, originating USN, local USN),
 * which Samba and Windows both return to administrators. Stateless. Hostile or truncated input gives empty.
 */
final class ReplMetadata {
    /** ATT_SERVICE_PRINCIPAL_NAME (1.2.840.113556.1.4.771) under the standard prefix table. */
    static final int SPN_ATTID = 0x00090303;
    static final long SECONDS_1601_TO_1970 = 11_644_473_600L;
    private static final int HEADER = 16;
    private static final int RECORD = 48;
    private static final Pattern XML_BLOCK = Pattern.compile("<DS_REPL_ATTR_META_DATA>(.*?)</DS_REPL_ATTR_META_DATA>", Pattern.DOTALL);

    private ReplMetadata() {}

    /** From msDS-ReplAttributeMetaData values (one XML block per attribute). */
    static Optional<ValueOrigin> fromXml(String[] values, List<DomainController> dcs) {
        if (values == null) {
            return Optional.empty();
        }
        for (String v : values) {
            Matcher m = XML_BLOCK.matcher(v.length() > 1_000_000 ? "" : v);
            while (m.find()) {
                String block = m.group(1);
                if (!"servicePrincipalName".equalsIgnoreCase(tag(block, "pszAttributeName"))) {
                    continue;
                }
                try {
                    Instant at = Instant.parse(tag(block, "ftimeLastOriginatingChange"));
                    long version = Long.parseLong(tag(block, "dwVersion").strip());
                    String dsa = tag(block, "pszLastOriginatingDsaDN");
                    String guid = rawHex(tag(block, "uuidLastOriginatingDsaInvocationID"));
                    return Optional.of(new ValueOrigin(dcName(dcs, guid, dsa), at, version));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** From the binary replPropertyMetaData. */
    static Optional<ValueOrigin> fromBlob(byte[] blob, List<DomainController> dcs) {
        if (blob == null || blob.length < HEADER) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 1) {
            return Optional.empty();
        }
        long count = Integer.toUnsignedLong(b.getInt(8));
        if (count > (blob.length - HEADER) / RECORD) {
            return Optional.empty();
        }
        for (int i = 0; i < count; i++) {
            int at = HEADER + i * RECORD;
            if (b.getInt(at) != SPN_ATTID) {
                continue;
            }
            long version = Integer.toUnsignedLong(b.getInt(at + 4));
            long seconds = b.getLong(at + 8) - SECONDS_1601_TO_1970;
            String guid = invocationHex(blob, at + 16);
            return Optional.of(new ValueOrigin(dcName(dcs, guid, ""), Instant.ofEpochSecond(seconds), version));
        }
        return Optional.empty();
    }

    /** The 16 bytes of an invocationId as stored (the same byte order as the nTDSDSA's invocationId attribute). */
    static String invocationHex(byte[] bytes, int offset) {
        return HexFormat.of().formatHex(bytes, offset, offset + 16);
    }

    /** A GUID's text form (8-4-4-4-12) as the hex of its stored bytes: the first three groups are little-endian. */
    static String rawHex(String text) {
        String h = text.replace("-", "").replace("{", "").replace("}", "").toLowerCase(java.util.Locale.ROOT);
        if (!h.matches("[0-9a-f]{32}")) {
            return h;
        }
        return h.substring(6, 8) + h.substring(4, 6) + h.substring(2, 4) + h.substring(0, 2)
                + h.substring(10, 12) + h.substring(8, 10) + h.substring(14, 16) + h.substring(12, 14) + h.substring(16);
    }

    private static String dcName(List<DomainController> dcs, String invocationHex, String dsaDn) {
        for (DomainController dc : dcs) {
            if (!dc.invocationId().isEmpty() && dc.invocationId().equalsIgnoreCase(invocationHex)) {
                return dc.shortName();
            }
        }
        if (dsaDn != null && !dsaDn.isBlank()) {
            String[] parts = dsaDn.split(",");
            return parts.length > 1 && parts[1].regionMatches(true, 0, "CN=", 0, 3) ? parts[1].substring(3) : dsaDn;
        }
        return "a DC with invocationId " + invocationHex;
    }

    private static String tag(String block, String name) {
        int start = block.indexOf("<" + name + ">");
        int end = block.indexOf("</" + name + ">");
        return start < 0 || end < start ? "" : block.substring(start + name.length() + 2, end).strip();
    }
}
