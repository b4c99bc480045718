package org.groundtruth.core.analysis;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.groundtruth.core.Require;

/**
 * Incidents per month from the first to the last month with any, months without incidents included as zero so
 * bars and month-over-month changes are honest. {@code withoutTime} matched the filter but have no time.
 */
public record MonthlySeries(IncidentFilter filter, Optional<StatsDimension> stackBy, List<MonthCount> months,
        long withoutTime) {
    public MonthlySeries {
        Require.present(filter, "filter");
        Require.present(stackBy, "stack by");
        if (stackBy.filter(d -> d == StatsDimension.MONTH).isPresent()) {
            throw new IllegalArgumentException("months cannot be stacked by month");
        }
        months = List.copyOf(Require.present(months, "months"));
        Require.nonNegative(withoutTime, "incidents without time");
    }

    /**
     * Builds the series from counts per month and stack key (use the empty string as the only key when not
     * stacked), filling the gaps and computing each month's change.
     */
    public static MonthlySeries of(IncidentFilter filter, Optional<StatsDimension> stackBy,
            SortedMap<YearMonth, Map<String, Long>> counts, long withoutTime) {
        List<MonthCount> months = new ArrayList<>();
        if (!counts.isEmpty()) {
            long previous = -1;
            for (YearMonth m = counts.firstKey(); !m.isAfter(counts.lastKey()); m = m.plusMonths(1)) {
                Map<String, Long> split = counts.getOrDefault(m, Map.of());
                long total = split.values().stream().mapToLong(Long::longValue).sum();
                Map<String, Long> stacks = stackBy.isPresent() ? new TreeMap<>(split) : Map.of();
                Optional<MonthChange> change = previous < 0 ? Optional.empty()
                        : Optional.of(new MonthChange(previous, total));
                months.add(new MonthCount(m, total, stacks, change));
                previous = total;
            }
        }
        return new MonthlySeries(filter, stackBy, months, withoutTime);
    }

    public long total() {
        return months.stream().mapToLong(MonthCount::total).sum();
    }

    /** Every stack key that occurs in any month, in key order: the chart's series. */
    public List<String> stackKeys() {
        Set<String> keys = new LinkedHashSet<>();
        months.forEach(m -> keys.addAll(m.stacks().keySet()));
        return keys.stream().sorted().toList();
    }

    public Optional<MonthCount> busiest() {
        return months.stream().max(java.util.Comparator.comparingLong(MonthCount::total));
    }
}
