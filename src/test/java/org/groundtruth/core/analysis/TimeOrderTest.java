package org.groundtruth.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeOrderTest {
    @Test
    void sortsByTimeThenIdWithPackedKeysAndWithTheFallbackForHugeRanges() {
        Random random = new Random(5);
        for (long range : new long[] {10, 86_400L * 365 * 3, Instant.MAX.getEpochSecond()}) {
            int n = 5_000;
            long[] t = new long[n];
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                t[i] = random.nextLong(range) - range / 2;
                ids[i] = "inc-" + Integer.toString(random.nextInt(1_000_000), 36);
            }
            if (range == Instant.MAX.getEpochSecond()) {
                // (max − min) · n overflows a long: the comparator fallback
                t[7] = Instant.MIN.getEpochSecond();
                t[8] = Instant.MAX.getEpochSecond();
            }
            int[] order = TimeOrder.sort(t, i -> ids[i]);
            assertThat(order).hasSize(n);
            assertThat(java.util.Arrays.stream(order).distinct().count()).isEqualTo(n);
            for (int k = 1; k < n; k++) {
                long a = t[order[k - 1]];
                long b = t[order[k]];
                assertThat(a).isLessThanOrEqualTo(b);
                if (a == b) {
                    assertThat(ids[order[k - 1]]).isLessThanOrEqualTo(ids[order[k]]);
                }
            }
        }
    }
}
