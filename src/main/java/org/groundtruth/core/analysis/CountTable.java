package org.groundtruth.core.analysis;

import java.util.List;
import org.groundtruth.core.Require;

/**
 * Incidents matching {@code filter}, counted by {@code by}. Rows are ordered by key (months chronologically);
 * {@code skipped} matched the filter but have no key (no time for months, no region for admin-1).
 */
public record CountTable(StatsDimension by, IncidentFilter filter, List<CountRow> rows, long skipped) {
    public CountTable {
        Require.present(by, "dimension");
        Require.present(filter, "filter");
        rows = List.copyOf(Require.present(rows, "rows"));
        Require.nonNegative(skipped, "skipped");
    }

    public long counted() {
        return rows.stream().mapToLong(CountRow::count).sum();
    }

    public long matched() {
        return counted() + skipped;
    }
}
