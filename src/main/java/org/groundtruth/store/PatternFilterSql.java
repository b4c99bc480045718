package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.StatsDimension;
import org.sqlite.Function;

/**
 * An {@link IncidentFilter} as an SQL condition on {@code incident}, with its parameters, matching
 * {@link IncidentFilter#matches} row for row (tests compare the two).
 */
final class PatternFilterSql {
    /** SQLite's lower() folds ASCII only; tags are compared with Java's lower case so Cyrillic tags match too. */
    static final String LOWER = "gt_lower";

    final String where;
    final Object[] params;

    private PatternFilterSql(String where, Object[] params) {
        this.where = where;
        this.params = params;
    }

    /**
     * Whether the summary table {@code incident_month_stats} can answer the filter: no tags (they are not in it)
     * and time bounds, if any, on the first instant of a month.
     */
    static boolean summaryAnswers(IncidentFilter filter) {
        return filter.tags().isEmpty() && filter.from().map(PatternFilterSql::startsMonth).orElse(true)
                && filter.until().map(PatternFilterSql::startsMonth).orElse(true);
    }

    private static boolean startsMonth(java.time.Instant instant) {
        java.time.ZonedDateTime utc = instant.atZone(java.time.ZoneOffset.UTC);
        return utc.getDayOfMonth() == 1 && utc.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    /** The filter on {@code incident_month_stats}; only valid when {@link #summaryAnswers} says so. */
    static PatternFilterSql ofSummary(IncidentFilter filter) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.hasTimeBounds()) {
            sql.append(" AND month <> ''");
        }
        filter.from().ifPresent(from -> {
            sql.append(" AND month >= ?");
            params.add(java.time.YearMonth.from(from.atZone(java.time.ZoneOffset.UTC)).toString());
        });
        filter.until().ifPresent(until -> {
            sql.append(" AND month < ?");
            params.add(java.time.YearMonth.from(until.atZone(java.time.ZoneOffset.UTC)).toString());
        });
        in(sql, params, "status", filter.statuses());
        in(sql, params, "target_type", filter.targetTypes());
        in(sql, params, "strike_type", filter.strikeTypes());
        return new PatternFilterSql(sql.toString(), params.toArray());
    }

    /** The key expression on the summary table; NULL where the incidents have none. */
    static String summaryKey(StatsDimension by) {
        return switch (by) {
            case MONTH -> "nullif(month, '')";
            case ADMIN1 -> "nullif(admin1, '')";
            case TARGET_TYPE -> "target_type";
            case STRIKE_TYPE -> "strike_type";
            case STATUS -> "status";
        };
    }

    static PatternFilterSql of(IncidentFilter filter) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.hasTimeBounds()) {
            sql.append(" AND occurred_at IS NOT NULL");
        }
        filter.from().ifPresent(from -> {
            sql.append(" AND occurred_at >= ?");
            params.add(from);
        });
        filter.until().ifPresent(until -> {
            sql.append(" AND occurred_at < ?");
            params.add(until);
        });
        in(sql, params, "status", filter.statuses());
        in(sql, params, "target_type", filter.targetTypes());
        in(sql, params, "strike_type", filter.strikeTypes());
        if (!filter.tags().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM json_each(incident.tags) WHERE " + LOWER + "(value) IN (")
                    .append("?, ".repeat(filter.tags().size() - 1)).append("?))");
            params.addAll(filter.tags());
        }
        return new PatternFilterSql(sql.toString(), params.toArray());
    }

    private static void in(StringBuilder sql, List<Object> params, String column, Collection<?> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
            params.addAll(values);
        }
    }

    /** The SQL expression of a dimension's key; NULL where the incident has none (no time, blank region). */
    static String key(StatsDimension by) {
        return switch (by) {
            case MONTH -> "substr(occurred_at, 1, 7)";
            case ADMIN1 -> "nullif(admin1, '')";
            case TARGET_TYPE -> "target_type";
            case STRIKE_TYPE -> "strike_type";
            case STATUS -> "status";
        };
    }

    /** Registers {@link #LOWER} on the connection (idempotent: re-registering replaces it). */
    static void registerFunctions(Connection c) throws SQLException {
        Function.create(c, LOWER, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(text.toLowerCase(Locale.ROOT));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
