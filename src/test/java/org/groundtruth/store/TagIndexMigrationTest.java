package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.IncidentStats;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An investigation written at schema version 3 gets its tag index from migration V4 when opened. */
class TagIndexMigrationTest {
    @TempDir
    Path dir;

    @Test
    void migrationV4BackfillsTheTagIndexOfExistingIncidents() throws Exception {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            List<String> scripts = Migrations.available().subList(0, 3);
            for (int v = 1; v <= scripts.size(); v++) {
                st.executeUpdate(script(scripts.get(v - 1)));
                st.executeUpdate("INSERT INTO schema_version VALUES (" + v + ", 'old', '2026-01-01T00:00:00Z')");
            }
            st.execute("PRAGMA user_version = 3");
            String[] tags = {"[\"ФПВ\",\"фпв\",\"Kherson\"]", "[\"fpv\"]", "[]", "[\"Їжак\",\"ДСНС\"]", "[\"дснс\",\"FPV\"]"};
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO incident (id, title, occurred_at,"
                    + " time_precision, admin1, target_type, strike_type, strike_sequence, status, tags, sensitivity,"
                    + " created_at, updated_at) VALUES (?, 'Удар', ?, ?, ?, 'fire_engine', 'fpv_drone', 'unknown',"
                    + " 'unverified', ?, 'public', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")) {
                for (int n = 0; n < 40; n++) {
                    boolean timed = n % 7 != 0;
                    insert.setString(1, org.groundtruth.core.Ids.next("inc"));
                    insert.setString(2, timed ? String.format("2025-%02d-%02dT10:00:00Z", 1 + n % 12, 1 + n % 28) : null);
                    insert.setString(3, timed ? "minute" : "unknown");
                    insert.setString(4, n % 3 == 0 ? "" : "Херсонська область");
                    insert.setString(5, tags[n % tags.length]);
                    insert.executeUpdate();
                }
            }
            assertThat(scalar(st, "SELECT count(*) FROM sqlite_master WHERE name = 'incident_tag'")).isZero();
        }

        try (Investigation inv = TestInvestigations.open(ws)) {
            assertThat(inv.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(4);
            List<Incident> incidents = inv.incidents().list(IncidentQuery.ALL);
            assertThat(incidents).hasSize(40);
            for (IncidentFilter filter : List.of(IncidentFilter.ALL.withTags(Set.of("фпв")),
                    IncidentFilter.ALL.withTags(Set.of("FPV")).withFrom(Optional.of(java.time.Instant.parse(
                            "2025-03-02T00:00:00Z"))),
                    IncidentFilter.ALL.withTags(Set.of("ЇЖАК", "kherson")),
                    IncidentFilter.ALL.withTags(Set.of("fpv", "дснс")),
                    IncidentFilter.ALL.withTags(Set.of("fpv", "дснс", "kherson")).withUntil(Optional.of(
                            java.time.Instant.parse("2025-07-01T00:00:00Z"))))) {
                for (StatsDimension by : StatsDimension.values()) {
                    assertThat(inv.patterns().count(filter, by)).as(filter.describe() + " by " + by)
                            .isEqualTo(IncidentStats.count(incidents, filter, by));
                }
            }
            assertThat(inv.patterns().count(IncidentFilter.ALL.withTags(Set.of("фпв")), StatsDimension.STATUS)
                    .matched()).as("\"ФПВ\" and \"фпв\" on one incident count once").isEqualTo(8);
            assertThat(inv.patterns().count(IncidentFilter.ALL.withTags(Set.of("Fpv")), StatsDimension.STATUS)
                    .matched()).as("\"fpv\" and \"FPV\"").isEqualTo(16);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
             Statement st = c.createStatement()) {
            // 8 × {фпв, kherson} + 8 × {fpv} + 8 × {їжак, дснс} + 8 × {дснс, fpv}: 56 rows
            assertThat(scalar(st, "SELECT count(*) FROM incident_tag")).isEqualTo(56);
            assertThat(scalar(st, "SELECT count(*) FROM incident_tag WHERE tag = 'фпв'")).isEqualTo(8);
            assertThat(scalar(st, "SELECT sum(incidents) FROM incident_tag_month_stats")).isEqualTo(56);
            assertThat(scalar(st, "SELECT count(*) FROM incident_tag WHERE tag <> lower(tag)")).isZero();
            // V5: each of the 32 tagged incidents once, under its tag set
            assertThat(scalar(st, "SELECT sum(incidents) FROM incident_tagset_month_stats")).isEqualTo(32);
            assertThat(scalar(st, "SELECT sum(incidents) FROM incident_tagset_month_stats"
                    + " WHERE tagset = '[\"fpv\",\"дснс\"]'")).isEqualTo(8);
            assertThat(scalar(st, "SELECT count(*) FROM incident_tagset_member")).isEqualTo(7);
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = TagIndexMigrationTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
