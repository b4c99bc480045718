package org.groundtruth.core.analysis;

import java.util.Arrays;

/**
 * Points bucketed into cubic cells of ECEF space: an open-addressing map from a packed cell key to the slice of
 * {@link #members()} holding that cell's points. Points are added in time order, so each slice is sorted by time.
 */
final class CellIndex {
    private static final long EMPTY = -1L;
    private static final int BITS = 21;
    private static final long OFFSET = 1L << (BITS - 1);
    private static final long MASK = (1L << BITS) - 1;

    private final double cellSize;
    private final long[] keys;
    private final int[] starts;
    private final int[] ends;
    private final int[] members;

    /**
     * @param xyz       x, y, z of point i at 3i..3i+2 (metres)
     * @param timeOrder point indexes sorted by time
     * @param cellSize  edge of a cell in metres, at least the search radius; large enough that keys fit 21 bits
     */
    CellIndex(double[] xyz, int[] timeOrder, double cellSize) {
        this.cellSize = cellSize;
        int n = timeOrder.length;
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        starts = new int[capacity];
        ends = new int[capacity];
        int[] slotOfPoint = new int[n];
        for (int k = 0; k < n; k++) {
            int i = timeOrder[k];
            int slot = slot(key(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]), true);
            slotOfPoint[k] = slot;
            ends[slot]++;
        }
        int next = 0;
        for (int s = 0; s < capacity; s++) {
            if (keys[s] != EMPTY) {
                starts[s] = next;
                next += ends[s];
                ends[s] = starts[s];
            }
        }
        members = new int[n];
        for (int k = 0; k < n; k++) {
            int slot = slotOfPoint[k];
            members[ends[slot]++] = timeOrder[k];
        }
    }

    int[] members() {
        return members;
    }

    long key(double x, double y, double z) {
        return pack(cell(x), cell(y), cell(z));
    }

    long cell(double coordinate) {
        return (long) Math.floor(coordinate / cellSize);
    }

    static long pack(long cx, long cy, long cz) {
        return ((cx + OFFSET) & MASK) << (2 * BITS) | ((cy + OFFSET) & MASK) << BITS | ((cz + OFFSET) & MASK);
    }

    /** The slot of a cell, or -1 when no point is in it. */
    int find(long key) {
        return slot(key, false);
    }

    int start(int slot) {
        return starts[slot];
    }

    int end(int slot) {
        return ends[slot];
    }

    private int slot(long key, boolean insert) {
        int mask = keys.length - 1;
        int s = (int) (mix(key) & mask);
        while (keys[s] != EMPTY) {
            if (keys[s] == key) {
                return s;
            }
            s = (s + 1) & mask;
        }
        if (!insert) {
            return -1;
        }
        keys[s] = key;
        return s;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
