package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary tables that triggers keep for every new incident (V3 {@code incident_month_stats}, V4
 * {@code incident_tag} and {@code incident_tag_month_stats}, V5 {@code incident_tagset_month_stats} and
 * {@code incident_tagset_member}), brought up to date in bulk for a batch of new incidents instead of row by row:
 * the insert triggers are dropped inside the batch's transaction, the batch is inserted, the summaries get the new
 * rows with one grouped statement each (the migrations' own backfill queries, limited to the new incidents), and
 * the triggers are created again from their stored definitions — all in that one transaction, so a failure or a
 * killed process leaves the triggers and the summaries as they were. Per-row triggers cost about 150 µs per
 * incident (JSON parsed by Java functions three times, four upserts); the grouped statements a few µs.
 *
 * <p>Only done when each trigger is exactly as its migration wrote it: a later migration that changes one makes
 * {@link #suspend} decline, and the batch keeps the triggers (slower, never wrong). Triggers on incident inserts
 * that are not listed here keep firing row by row.
 */
final class IncidentSummaries {
    /** Insert triggers replaced in bulk, with the migration that defines each. */
    private static final Map<String, String> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put("incident_month_stats_insert", "V3__incident_month_stats.sql");
        TRIGGERS.put("incident_tag_month_stats_insert", "V4__incident_tags.sql");
        TRIGGERS.put("incident_tag_insert", "V4__incident_tags.sql");
        TRIGGERS.put("incident_tagset_insert", "V5__incident_tagset_stats.sql");
    }

    /** The new incidents' share of each summary; {@code ?} is the largest incident key before the batch. */
    private static final List<String> BULK = List.of(
            "INSERT INTO incident_month_stats (month, admin1, target_type, strike_type, status, incidents)"
                    + " SELECT coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status,"
                    + " count(*) FROM incident WHERE rowid_key > ?1 GROUP BY 1, 2, 3, 4, 5"
                    + " ON CONFLICT (month, admin1, target_type, strike_type, status)"
                    + " DO UPDATE SET incidents = incidents + excluded.incidents",
            "INSERT INTO incident_tag (tag, incident_key, occurred_at, admin1, target_type, strike_type, status)"
                    + " SELECT DISTINCT gt_lower(j.value), i.rowid_key, i.occurred_at, i.admin1, i.target_type,"
                    + " i.strike_type, i.status FROM incident AS i, json_each(i.tags) AS j"
                    + " WHERE j.type = 'text' AND i.rowid_key > ?1",
            "INSERT INTO incident_tag_month_stats (tag, month, admin1, target_type, strike_type, status, incidents)"
                    + " SELECT tag, coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status,"
                    + " count(*) FROM incident_tag WHERE incident_key > ?1 GROUP BY 1, 2, 3, 4, 5, 6"
                    + " ON CONFLICT (tag, month, admin1, target_type, strike_type, status)"
                    + " DO UPDATE SET incidents = incidents + excluded.incidents",
            "INSERT INTO incident_tagset_month_stats (tagset, month, admin1, target_type, strike_type, status,"
                    + " incidents) SELECT gt_tagset(tags), coalesce(substr(occurred_at, 1, 7), ''), admin1,"
                    + " target_type, strike_type, status, count(*) FROM incident"
                    + " WHERE rowid_key > ?1 AND gt_tagset(tags) IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6"
                    + " ON CONFLICT (tagset, month, admin1, target_type, strike_type, status)"
                    + " DO UPDATE SET incidents = incidents + excluded.incidents",
            "INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)"
                    + " SELECT DISTINCT j.value, s.tagset FROM (SELECT DISTINCT gt_tagset(tags) AS tagset FROM incident"
                    + " WHERE rowid_key > ?1) AS s, json_each(s.tagset) AS j WHERE s.tagset IS NOT NULL");

    private final Connection connection;
    private final List<String> definitions;
    private final long lastKeyBefore;

    private IncidentSummaries(Connection connection, List<String> definitions, long lastKeyBefore) {
        this.connection = connection;
        this.definitions = definitions;
        this.lastKeyBefore = lastKeyBefore;
    }

    /**
     * Drops the insert triggers for a batch in the connection's open transaction, or declines (empty, nothing
     * changed) when any of them is not the one its migration defines.
     */
    static Optional<IncidentSummaries> suspend(Connection c) throws SQLException {
        List<String> stored = new ArrayList<>();
        for (Map.Entry<String, String> trigger : TRIGGERS.entrySet()) {
            Optional<String> sql = Sql.one(c, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                    rs -> rs.getString(1), trigger.getKey());
            if (sql.isEmpty() || !normalized(sql.get()).equals(normalized(definition(trigger.getValue(),
                    trigger.getKey())))) {
                return Optional.empty();
            }
            stored.add(sql.get());
        }
        try (Statement st = c.createStatement()) {
            for (String name : TRIGGERS.keySet()) {
                st.execute("DROP TRIGGER " + name);
            }
        }
        long last = Sql.count(c, "SELECT coalesce(max(rowid_key), 0) FROM incident");
        return Optional.of(new IncidentSummaries(c, stored, last));
    }

    /** Adds the batch's incidents to every summary and creates the triggers again, as they were. */
    void resume() throws SQLException {
        for (String sql : BULK) {
            Sql.update(connection, sql, lastKeyBefore);
        }
        try (Statement st = connection.createStatement()) {
            for (String sql : definitions) {
                st.execute(sql);
            }
        }
    }

    /** The {@code CREATE TRIGGER name … END} statement of a migration file, as SQLite stores it. */
    static String definition(String migration, String trigger) {
        String text;
        try (InputStream in = IncidentSummaries.class.getResourceAsStream("/db/migration/" + migration)) {
            if (in == null) {
                throw new IllegalStateException("migration " + migration + " is missing from the application");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + migration + ": " + e.getMessage(), e);
        }
        int start = text.indexOf("CREATE TRIGGER " + trigger + " ");
        int end = start < 0 ? -1 : text.indexOf("\nEND;", start);
        if (end < 0) {
            throw new IllegalStateException("migration " + migration + " does not define trigger " + trigger);
        }
        return text.substring(start, end + "\nEND".length());
    }

    private static String normalized(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
