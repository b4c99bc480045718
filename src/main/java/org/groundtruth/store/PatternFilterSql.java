package org.groundtruth.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.StatsDimension;

/**
 * An {@link IncidentFilter} as an SQL condition on the table that answers it fastest, with its parameters, matching
 * {@link IncidentFilter#matches} row for row (tests compare the two). The tables, from the cheapest:
 * <ul>
 * <li>{@code incident_month_stats}: no tag, time bounds (if any) on month boundaries;
 * <li>{@code incident_tag_month_stats}: one tag, time bounds on month boundaries;
 * <li>{@code incident_tagset_month_stats} (counts per set of tags an incident carries): several tags (any of them),
 *     time bounds on month boundaries; each incident is in one tag set, so it is counted once;
 * <li>{@code incident_tag} (one row per incident and lower-cased tag, with the filtered columns): one tag; several
 *     tags (any of them) with the rows made distinct per incident first ({@link #select});
 * <li>{@code incident}: no tag, time bounds within months; reading incidents (the double-tap search), several tags
 *     through the {@code incident_tag} index.
 * </ul>
 * A range with whole months inside and a bound within a month is first cut by {@link #pieces}.
 * Tags in the filter are already lower-cased by Java's rules, like the stored ones (see {@link SqlFunctions#LOWER}).
 */
final class PatternFilterSql {
    enum Table {
        MONTH_STATS("incident_month_stats", true),
        TAG_MONTH_STATS("incident_tag_month_stats", true),
        TAGSET_MONTH_STATS("incident_tagset_month_stats", true),
        TAG_ROWS("incident_tag", false),
        /** incident_tag rows of several tags: an incident carrying two of them has two rows, made distinct. */
        ANY_TAG_ROWS("incident_tag", false),
        INCIDENTS("incident", false);

        final String name;
        /** Summary tables hold counts per (month, region, target, strike type, status); the others one row each. */
        final boolean summary;

        Table(String name, boolean summary) {
            this.name = name;
            this.summary = summary;
        }
    }

    final Table table;
    final String where;
    final Object[] params;

    private PatternFilterSql(Table table, String where, Object[] params) {
        this.table = table;
        this.where = where;
        this.params = params;
    }

    /** The cheapest table that answers the counts of {@code filter}, and the condition on it. */
    static PatternFilterSql forCounts(IncidentFilter filter) {
        boolean wholeMonths = filter.from().map(PatternFilterSql::startsMonth).orElse(true)
                && filter.until().map(PatternFilterSql::startsMonth).orElse(true);
        int tags = filter.tags().size();
        if (wholeMonths) {
            return ofSummary(filter, tags == 0 ? Table.MONTH_STATS
                    : tags == 1 ? Table.TAG_MONTH_STATS : Table.TAGSET_MONTH_STATS);
        }
        return switch (tags) {
            case 0 -> of(filter);
            case 1 -> ofRows(filter, Table.TAG_ROWS);
            default -> ofRows(filter, Table.ANY_TAG_ROWS);
        };
    }

    /**
     * {@code filter} cut in time into pieces each answered by one statement, the whole months inside the range apart
     * from the days before the first and after the last of them, so that the whole months come from a summary table
     * and only the partial months from rows. An incident has one time, so it falls in one piece and the pieces' counts
     * add up to the filter's. One piece (the filter) when the range holds no whole month or is made of whole months.
     */
    static List<IncidentFilter> pieces(IncidentFilter filter) {
        Optional<Instant> from = filter.from();
        Optional<Instant> until = filter.until();
        boolean partialFrom = from.map(f -> !startsMonth(f)).orElse(false);
        boolean partialUntil = until.map(u -> !startsMonth(u)).orElse(false);
        if (!partialFrom && !partialUntil) {
            return List.of(filter);
        }
        Optional<Instant> wholeFrom = from.map(f -> partialFrom ? monthStart(f).plusMonths(1).toInstant()
                : f);
        Optional<Instant> wholeUntil = until.map(u -> partialUntil ? monthStart(u).toInstant() : u);
        if (wholeFrom.isPresent() && wholeUntil.isPresent() && !wholeFrom.get().isBefore(wholeUntil.get())) {
            return List.of(filter);
        }
        List<IncidentFilter> pieces = new ArrayList<>();
        if (partialFrom) {
            pieces.add(filter.withUntil(wholeFrom));
        }
        pieces.add(filter.withFrom(wholeFrom).withUntil(wholeUntil));
        if (partialUntil) {
            pieces.add(filter.withFrom(wholeUntil));
        }
        return pieces;
    }

    private static ZonedDateTime monthStart(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    /** The condition on {@code incident} itself, for reading incidents (the double-tap search). */
    static PatternFilterSql of(IncidentFilter filter) {
        return ofRows(filter, Table.INCIDENTS);
    }

    private static boolean startsMonth(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.getDayOfMonth() == 1 && utc.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static PatternFilterSql ofSummary(IncidentFilter filter, Table table) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (table == Table.TAGSET_MONTH_STATS) {
            sql.append(" AND tagset IN (SELECT tagset FROM incident_tagset_member WHERE tag IN (")
                    .append("?, ".repeat(filter.tags().size() - 1)).append("?))");
            params.addAll(filter.tags());
        } else {
            in(sql, params, "tag", filter.tags());
        }
        if (filter.hasTimeBounds()) {
            sql.append(" AND month <> ''");
        }
        filter.from().ifPresent(from -> {
            sql.append(" AND month >= ?");
            params.add(YearMonth.from(from.atZone(ZoneOffset.UTC)).toString());
        });
        filter.until().ifPresent(until -> {
            sql.append(" AND month < ?");
            params.add(YearMonth.from(until.atZone(ZoneOffset.UTC)).toString());
        });
        in(sql, params, "status", filter.statuses());
        in(sql, params, "target_type", filter.targetTypes());
        in(sql, params, "strike_type", filter.strikeTypes());
        return new PatternFilterSql(table, sql.toString(), params.toArray());
    }

    /** On {@code incident} or {@code incident_tag}: both have the columns filtered on. */
    private static PatternFilterSql ofRows(IncidentFilter filter, Table table) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (table == Table.TAG_ROWS || table == Table.ANY_TAG_ROWS) {
            in(sql, params, "tag", filter.tags());
        } else if (!filter.tags().isEmpty()) {
            sql.append(" AND rowid_key IN (SELECT incident_key FROM incident_tag WHERE tag IN (")
                    .append("?, ".repeat(filter.tags().size() - 1)).append("?))");
            params.addAll(filter.tags());
        }
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
        return new PatternFilterSql(table, sql.toString(), params.toArray());
    }

    private static void in(StringBuilder sql, List<Object> params, String column, Collection<?> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
            params.addAll(values);
        }
    }

    /**
     * The statement counting the incidents that match, and also {@code condition} if not null, per distinct value of
     * the {@code keys} expressions (columns 1..n, then the count); with no keys a single count. Several tags' rows
     * are made distinct per incident and keys before counting (an incident's rows all have the same columns), which
     * costs a sort but no lookup into {@code incident}.
     */
    String select(List<String> keys, String condition) {
        String where = this.where + (condition == null ? "" : " AND (" + condition + ")");
        StringBuilder columns = new StringBuilder();
        StringBuilder groups = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            columns.append(keys.get(k)).append(" AS k").append(k).append(", ");
            groups.append(k == 0 ? " GROUP BY " : ", ").append("k").append(k);
        }
        if (table == Table.ANY_TAG_ROWS) {
            StringBuilder outer = new StringBuilder();
            for (int k = 0; k < keys.size(); k++) {
                outer.append("k").append(k).append(", ");
            }
            // incident_key first: the DISTINCT sort then compares integers before any text (310 against 490 ms, 1M)
            String distinct = keys.isEmpty() ? "incident_key"
                    : "incident_key, " + columns.substring(0, columns.length() - 2);
            return "SELECT " + outer + "count(*) FROM (SELECT DISTINCT " + distinct + " FROM " + table.name + " WHERE "
                    + where + ")" + groups;
        }
        return "SELECT " + columns + total() + " FROM " + table.name + " WHERE " + where + groups;
    }

    /** The number of incidents in the selected rows. */
    String total() {
        return table.summary ? "coalesce(sum(incidents), 0)" : "count(*)";
    }

    /** The month 'YYYY-MM' of a row; only for rows that are {@link #timed}. */
    String month() {
        return table.summary ? "month" : "substr(occurred_at, 1, 7)";
    }

    /** The condition that the incidents' time is known. */
    String timed() {
        return table.summary ? "month <> ''" : "occurred_at IS NOT NULL";
    }

    /** The SQL expression of a dimension's key; NULL where the incident has none (no time, blank region). */
    String key(StatsDimension by) {
        return switch (by) {
            case MONTH -> table.summary ? "nullif(month, '')" : "substr(occurred_at, 1, 7)";
            case ADMIN1 -> "nullif(admin1, '')";
            case TARGET_TYPE -> "target_type";
            case STRIKE_TYPE -> "strike_type";
            case STATUS -> "status";
        };
    }
}
