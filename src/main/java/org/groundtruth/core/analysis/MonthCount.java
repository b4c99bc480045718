package org.groundtruth.core.analysis;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.groundtruth.core.Require;

/**
 * One month's bar: the total, its split by the stacking dimension (key → count, empty when not stacked), and the
 * change from the month before (absent for the first month of the series).
 */
public record MonthCount(YearMonth month, long total, Map<String, Long> stacks, Optional<MonthChange> change) {
    public MonthCount {
        Require.present(month, "month");
        Require.nonNegative(total, "total");
        stacks = Collections.unmodifiableMap(new TreeMap<>(Require.present(stacks, "stacks")));
        Require.present(change, "change");
        long sum = stacks.values().stream().mapToLong(Long::longValue).sum();
        if (!stacks.isEmpty() && sum != total) {
            throw new IllegalArgumentException("stacks of " + month + " add up to " + sum + ", not " + total);
        }
    }

    public String key() {
        return month.toString();
    }
}
