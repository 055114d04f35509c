package io.github.spndoctor.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Append-only store of short texts with a 64-bit key and an int tag each, packed into growable primitive arrays
 * (UTF-8 bytes + offsets): about 16 bytes plus the text per record, no object per record. The scanner keeps the few
 * SPN values it may need to report (candidates) here. Mutable; not thread-safe.
 */
final class TextArena {
    private byte[] bytes = new byte[1024];
    private int used;
    private int[] offsets = new int[64];
    private long[] keys = new long[64];
    private int[] tags = new int[64];
    private int count;

    /** Appends a record; returns its index. */
    int add(long key, int tag, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        }
        if (count + 1 >= offsets.length) {
            int n = offsets.length * 2;
            offsets = Arrays.copyOf(offsets, n);
            keys = Arrays.copyOf(keys, n);
            tags = Arrays.copyOf(tags, n);
        }
        System.arraycopy(b, 0, bytes, used, b.length);
        offsets[count] = used;
        keys[count] = key;
        tags[count] = tag;
        used += b.length;
        offsets[count + 1] = used;
        return count++;
    }

    int size() { return count; }

    long key(int i) { return keys[i]; }

    int tag(int i) { return tags[i]; }

    String text(int i) {
        return new String(bytes, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    long footprintBytes() { return bytes.length + offsets.length * 16L; }
}
