package org.groundtruth.core.analysis;

import java.util.Arrays;

/** Sorting point indexes by time, then id, without boxing a million Integers. */
final class TimeOrder {
    private TimeOrder() {
    }

    /** Indexes of {@code t} in ascending time order, equal times ordered by {@code id}. */
    static int[] sort(long[] t, java.util.function.IntFunction<String> id) {
        int[] order = sortByTime(t);
        // Runs of equal times are short: order each by id.
        for (int start = 0; start < order.length;) {
            int end = start + 1;
            while (end < order.length && t[order[end]] == t[order[start]]) {
                end++;
            }
            if (end - start > 1) {
                Integer[] run = new Integer[end - start];
                for (int k = start; k < end; k++) {
                    run[k - start] = order[k];
                }
                Arrays.sort(run, (a, b) -> id.apply(a).compareTo(id.apply(b)));
                for (int k = start; k < end; k++) {
                    order[k] = run[k - start];
                }
            }
            start = end;
        }
        return order;
    }

    private static int[] sortByTime(long[] t) {
        int n = t.length;
        if (n == 0) {
            return new int[0];
        }
        long min = Arrays.stream(t).min().orElseThrow();
        long max = Arrays.stream(t).max().orElseThrow();
        int[] order = new int[n];
        // Pack (time − min, index) into one long when it fits, else fall back to a comparator sort.
        if (max - min >= 0 && max - min < Long.MAX_VALUE / Math.max(1, n) - 1) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (t[i] - min) * n + i;
            }
            Arrays.sort(packed);
            for (int k = 0; k < n; k++) {
                order[k] = (int) (packed[k] % n);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(t[a], t[b]));
        for (int k = 0; k < n; k++) {
            order[k] = boxed[k];
        }
        return order;
    }
}
