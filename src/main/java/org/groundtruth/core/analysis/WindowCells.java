package org.groundtruth.core.analysis;

/**
 * The strikes of the current time window, bucketed by cubic ECEF cell: an open-addressing map (linear probing,
 * backward-shift deletion) from a packed cell key to a first-in-first-out list of point indexes. The window holds
 * only the strikes of the last T, so the map stays small and in cache however many strikes there are in all.
 */
final class WindowCells {
    private static final int BITS = 21;
    private static final long OFFSET = 1L << (BITS - 1);
    private static final long MASK = (1L << BITS) - 1;
    private static final long EMPTY = -1L;

    private final double cellSize;
    private final int[] next;
    private long[] keys = new long[64];
    private int[] heads = new int[64];
    private int[] tails = new int[64];
    private int size;

    /** @param points how many point indexes there can be; @param cellSize cell edge in metres */
    WindowCells(int points, double cellSize) {
        this.cellSize = cellSize;
        this.next = new int[points];
        java.util.Arrays.fill(keys, EMPTY);
    }

    long cell(double coordinate) {
        return (long) Math.floor(coordinate / cellSize);
    }

    static long pack(long cx, long cy, long cz) {
        return ((cx + OFFSET) & MASK) << (2 * BITS) | ((cy + OFFSET) & MASK) << BITS | ((cz + OFFSET) & MASK);
    }

    /** The oldest point in the cell, or -1; continue with {@link #next(int)}. */
    int first(long key) {
        int s = find(key);
        return s < 0 ? -1 : heads[s];
    }

    int next(int point) {
        return next[point];
    }

    void add(long key, int point) {
        next[point] = -1;
        int s = find(key);
        if (s >= 0) {
            next[tails[s]] = point;
            tails[s] = point;
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        s = insertSlot(key);
        keys[s] = key;
        heads[s] = point;
        tails[s] = point;
        size++;
    }

    /** Removes the cell's oldest point, which must be {@code point}: points leave the window in time order. */
    void removeOldest(long key, int point) {
        int s = find(key);
        if (s < 0 || heads[s] != point) {
            throw new IllegalStateException("window out of order at point " + point);
        }
        if (tails[s] == point) {
            delete(s);
        } else {
            heads[s] = next[point];
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int s = slot(key, mask);
        while (keys[s] != EMPTY) {
            if (keys[s] == key) {
                return s;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    private int insertSlot(long key) {
        int mask = keys.length - 1;
        int s = slot(key, mask);
        while (keys[s] != EMPTY) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /** Backward-shift deletion keeps every remaining key reachable from its home slot without tombstones. */
    private void delete(int hole) {
        int mask = keys.length - 1;
        keys[hole] = EMPTY;
        size--;
        int s = (hole + 1) & mask;
        while (keys[s] != EMPTY) {
            int home = slot(keys[s], mask);
            boolean movable = hole <= s ? home <= hole || home > s : home <= hole && home > s;
            if (movable) {
                keys[hole] = keys[s];
                heads[hole] = heads[s];
                tails[hole] = tails[s];
                keys[s] = EMPTY;
                hole = s;
            }
            s = (s + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        int[] oldTails = tails;
        keys = new long[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        heads = new int[keys.length];
        tails = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = insertSlot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
                tails[s] = oldTails[i];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) ((h ^ (h >>> 29)) & mask);
    }
}
