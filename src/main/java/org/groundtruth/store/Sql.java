package org.groundtruth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Coded;

/**
 * Small JDBC helpers so repositories read as SQL: parameters may be Optional, Instant (stored as ISO-8601 UTC
 * text), LocalDate, vocabulary values (stored as their code) or plain values.
 */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapRow(mapper, rs, sql));
                }
                return rows;
            }
        }
    }

    /**
     * A row the records refuse (a date that is not a date or out of range, an unknown vocabulary code: edited
     * around the program) fails with one line naming the table, the row and the value, never a parser's stack.
     */
    private static <T> T mapRow(RowMapper<T> mapper, ResultSet rs, String sql) throws SQLException {
        try {
            return mapper.map(rs);
        } catch (RuntimeException e) {
            java.util.regex.Matcher from = java.util.regex.Pattern.compile("(?i)\\bFROM\\s+(\\w+)").matcher(sql);
            String table = from.find() ? from.group(1) : "a table";
            String id;
            try {
                id = " " + rs.getString("id");
            } catch (SQLException noId) {
                id = "";
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("").strip();
            throw new StoreException("the investigation holds a value it cannot read in " + table + id + ": " + why
                    + " (changed outside Groundtruth? run 'audit verify')", e);
        }
    }

    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            if (value == null) {
                st.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                st.setString(i + 1, instant(instant));
            } else if (value instanceof LocalDate date) {
                st.setString(i + 1, date.toString());
            } else if (value instanceof Coded coded) {
                st.setString(i + 1, coded.code());
            } else if (value instanceof Boolean flag) {
                st.setInt(i + 1, flag ? 1 : 0);
            } else {
                st.setObject(i + 1, value);
            }
        }
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.parse(rs.getString(column));
    }

    static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static <E extends Enum<E> & Coded> E coded(ResultSet rs, String column, Class<E> type) throws SQLException {
        return Coded.parse(type, rs.getString(column), column);
    }
}
