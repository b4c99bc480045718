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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history of an incident comes from the custody entries keyed by incident, not from a scan of all JSON. */
class AuditByIncidentTest {
    private static final String MIGRATION = "__audit_by_incident.sql";

    @TempDir
    Path dir;

    @Test
    void historyHoldsWhatTheOldScanFoundAndNothingOfOtherIncidents() throws Exception {
        Path ws = dir.resolve("ws");
        String a;
        String b;
        try (Investigation inv = TestInvestigations.open(ws)) {
            a = inv.incidents().create(Incident.titled("Удар по пожежній машині"), "Олена", "").id();
            b = inv.incidents().create(Incident.titled("Other"), "Олена", "").id();
            inv.verification().addPin(pin(a), "Олена", "дах");
            inv.verification().addPin(pin(b), "Олена", "");
            inv.workflow().setStatus(a, VerificationStatus.IN_PROGRESS, "почато", "Олена");

            List<AuditEntry> history = inv.workflow().history(a);
            assertThat(history).extracting(e -> e.entityType() + ":" + e.action().code())
                    .containsExactly("incident:create", "pin:create", "incident:status_change");
            assertThat(history).extracting(AuditEntry::sequence).isSorted()
                    .containsExactlyElementsOf(scanned(ws, a));
            assertThat(inv.workflow().history(b)).extracting(AuditEntry::sequence).containsExactlyElementsOf(scanned(ws, b))
                    .doesNotContainAnyElementsOf(history.stream().map(AuditEntry::sequence).toList());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
                Statement st = c.createStatement();
                ResultSet plan = st.executeQuery("EXPLAIN QUERY PLAN SELECT a.* FROM audit_incident i JOIN audit_log a"
                        + " ON a.sequence = i.sequence WHERE i.incident_id = 'inc-x' ORDER BY a.sequence")) {
            StringBuilder steps = new StringBuilder();
            while (plan.next()) {
                steps.append(plan.getString("detail")).append('\n');
            }
            assertThat(steps.toString()).doesNotContain("SCAN a").doesNotContain("SCAN audit_log");
        }
    }

    @Test
    void theMigrationKeysTheEntriesWrittenBefore() throws Exception {
        Path ws = dir.resolve("old");
        Files.createDirectories(ws);
        String incident = Ids.next(Incident.ID_PREFIX);
        String other = Ids.next(Incident.ID_PREFIX);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
                Statement st = c.createStatement()) {
            SqlFunctions.register(c); // the earlier migrations' triggers call them
            st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            List<String> scripts = Migrations.available();
            int mine = scripts.indexOf(scripts.stream().filter(s -> s.endsWith(MIGRATION)).findFirst().orElseThrow());
            for (int v = 1; v <= mine; v++) {
                st.executeUpdate(script(scripts.get(v - 1)));
                st.executeUpdate("INSERT INTO schema_version VALUES (" + v + ", 'old', '2026-01-01T00:00:00Z')");
            }
            st.execute("PRAGMA user_version = " + mine);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (sequence, at, actor, action,"
                    + " entity_type, entity_id, before_json, after_json, reason, previous_hash, hash)"
                    + " VALUES (?, '2026-01-01T00:00:00Z', 'Олена', ?, ?, ?, ?, ?, '', 'p', 'h')")) {
                Object[][] rows = {
                    {1, "create", "incident", incident, "null", "{\"id\":\"" + incident + "\",\"title\":\"Удар\"}"},
                    {2, "create", "pin", "pin-0000000001", "null", "{\"id\":\"pin-0000000001\",\"incidentId\":\"" + incident + "\"}"},
                    {3, "create", "incident", other, "null", "{\"id\":\"" + other + "\"}"},
                    {4, "delete", "corroboration", "cor-0000000001",
                        "{\"link\":{\"incidentId\":\"" + incident + "\"}}", "null"},
                    {5, "create", "source", "src-0000000001", "null", "{\"caption\":\"incidentId\"}"},
                    {6, "create", "pin", "pin-0000000002", "null", "not json"},
                };
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
        }

        try (Investigation inv = TestInvestigations.open(ws);
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE))) {
            assertThat(inv.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(keyed(c, incident)).containsExactly(1L, 2L, 4L);
            assertThat(keyed(c, other)).containsExactly(3L);
        }
    }

    private static GeolocationPin pin(String incident) {
        return new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incident, new LatLon(46.64251, 32.64801), 10,
                Optional.empty(), "Дах", List.of(), "", Optional.empty(), "Олена", false, Instant.now());
    }

    /** What the history was before the index: entries whose entity is the incident or whose JSON mentions it. */
    private static List<Long> scanned(Path ws, String incident) throws Exception {
        String mention = "%\"incidentId\":\"" + incident + "\"%";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
                PreparedStatement p = c.prepareStatement("SELECT sequence FROM audit_log WHERE entity_id = ?"
                        + " OR after_json LIKE ? OR before_json LIKE ? ORDER BY sequence")) {
            p.setString(1, incident);
            p.setString(2, mention);
            p.setString(3, mention);
            return sequences(p);
        }
    }

    private static List<Long> keyed(Connection c, String incident) throws Exception {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT sequence FROM audit_incident WHERE incident_id = ? ORDER BY sequence")) {
            p.setString(1, incident);
            return sequences(p);
        }
    }

    private static List<Long> sequences(PreparedStatement p) throws Exception {
        List<Long> found = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        return found;
    }

    private static String script(String name) throws Exception {
        try (InputStream in = AuditByIncidentTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
