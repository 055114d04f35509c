package io.github.spndoctor.core.scan;

import java.util.Arrays;

/**
 * Open-addressing hash map from a 64-bit key to an int, in two primitive arrays: 12 bytes per slot, no object per
 * entry. The scanner keys it by 64-bit hashes of SPNs and host names. Mutable; not thread-safe.
 */
final class LongIntMap {
    /** Returned by {@link #get} for an absent key. */
    static final int ABSENT = Integer.MIN_VALUE;
    private static final long EMPTY = 0L;
    private static final long ZERO_KEY = 0x9E3779B97F4A7C15L; // 0 marks a free slot; a real 0 is stored as this

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() { return size; }

    /** Value for {@code key}, or {@link #ABSENT}. */
    int get(long key) {
        long k = key == EMPTY ? ZERO_KEY : key;
        for (int i = slot(k); ; i = (i + 1) & mask) {
            long at = keys[i];
            if (at == EMPTY) {
                return ABSENT;
            }
            if (at == k) {
                return values[i];
            }
        }
    }

    /** Reads the key's home slot and returns it (a prefetch: brings the slot's cache line in before an insert). */
    long touch(long key) {
        return keys[slot(key == EMPTY ? ZERO_KEY : key)];
    }

    /** Stores {@code value} if the key is absent and returns ABSENT; otherwise leaves it and returns the old value. */
    int putIfAbsent(long key, int value) {
        long k = key == EMPTY ? ZERO_KEY : key;
        for (int i = slot(k); ; i = (i + 1) & mask) {
            long at = keys[i];
            if (at == EMPTY) {
                keys[i] = k;
                values[i] = value;
                if (++size * 10L > keys.length * 7L) {
                    grow();
                }
                return ABSENT;
            }
            if (at == k) {
                return values[i];
            }
        }
    }

    /** Stores or replaces. */
    void put(long key, int value) {
        long k = key == EMPTY ? ZERO_KEY : key;
        for (int i = slot(k); ; i = (i + 1) & mask) {
            long at = keys[i];
            if (at == EMPTY || at == k) {
                if (at == EMPTY) {
                    keys[i] = k;
                    if (++size * 10L > keys.length * 7L) {
                        values[i] = value;
                        grow();
                        return;
                    }
                }
                values[i] = value;
                return;
            }
        }
    }

    /** Bytes held by the two arrays (for the memory benchmark). */
    long footprintBytes() { return keys.length * 12L; }

    private int slot(long k) {
        return (int) (mix(k) & mask);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insertFresh(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldKeys, 0);
    }

    private void insertFresh(long k, int v) {
        for (int i = slot(k); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = v;
                size++;
                return;
            }
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe1a85ec3L;
        return z ^ (z >>> 33);
    }
}
