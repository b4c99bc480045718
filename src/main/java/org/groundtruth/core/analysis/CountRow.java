package org.groundtruth.core.analysis;

import org.groundtruth.core.Require;

/** One line of a count table: a key ({@code 2025-07}, {@code Kherson Oblast}, {@code fire_engine}) and its count. */
public record CountRow(String key, long count) {
    public CountRow {
        Require.nonBlank(key, "key", 300);
        Require.nonNegative(count, "count");
    }
}
