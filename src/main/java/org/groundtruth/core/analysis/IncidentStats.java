package org.groundtruth.core.analysis;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.groundtruth.core.incident.Incident;

/**
 * Counting incidents in memory. The store answers the same questions with SQL over large investigations; this
 * is the reference it is tested against, and what works on any list the caller already holds.
 */
public final class IncidentStats {
    private IncidentStats() {
    }

    public static CountTable count(Collection<Incident> incidents, IncidentFilter filter, StatsDimension by) {
        Map<String, Long> counts = new HashMap<>();
        long skipped = 0;
        for (Incident incident : incidents) {
            if (!filter.matches(incident)) {
                continue;
            }
            Optional<String> key = by.keyOf(incident);
            if (key.isPresent()) {
                counts.merge(key.get(), 1L, Long::sum);
            } else {
                skipped++;
            }
        }
        return table(by, filter, counts, skipped);
    }

    /** A count table from raw key counts; rows sorted by key (month keys sort chronologically as text). */
    public static CountTable table(StatsDimension by, IncidentFilter filter, Map<String, Long> counts, long skipped) {
        List<CountRow> rows = counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> new CountRow(e.getKey(), e.getValue())).toList();
        return new CountTable(by, filter, rows, skipped);
    }

    public static MonthlySeries monthly(Collection<Incident> incidents, IncidentFilter filter,
            Optional<StatsDimension> stackBy) {
        SortedMap<YearMonth, Map<String, Long>> counts = new TreeMap<>();
        long withoutTime = 0;
        for (Incident incident : incidents) {
            if (!filter.matches(incident)) {
                continue;
            }
            if (incident.occurredAt().isEmpty()) {
                withoutTime++;
                continue;
            }
            YearMonth month = YearMonth.from(incident.occurredAt().get().atZone(java.time.ZoneOffset.UTC));
            String stack = stackBy.map(d -> d.keyOf(incident).orElse(StackKeys.NONE)).orElse("");
            counts.computeIfAbsent(month, m -> new HashMap<>()).merge(stack, 1L, Long::sum);
        }
        return MonthlySeries.of(filter, stackBy, counts, withoutTime);
    }
}
