package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.store.VerificationRecords.PinnedIncident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path of {@code createPinned}: the summary tables its grouped statements fill equal a recount from the
 * incidents (what the per-row triggers keep), the triggers come back exactly as they were, the custody chain
 * verifies, the search index finds the new incidents, and a failure part-way leaves everything as it was.
 */
class PinnedIncidentBatchTest {
    /** Each summary, and the same summary recounted from scratch with the migrations' backfill queries. */
    private static final List<String[]> SUMMARIES = List.of(
            new String[] {"SELECT month, admin1, target_type, strike_type, status, incidents FROM incident_month_stats"
                    + " ORDER BY 1, 2, 3, 4, 5",
                "SELECT coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status, count(*)"
                    + " FROM incident GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"},
            new String[] {"SELECT tag, incident_key, occurred_at, admin1, target_type, strike_type, status"
                    + " FROM incident_tag ORDER BY 1, 2",
                "SELECT DISTINCT gt_lower(j.value), i.rowid_key, i.occurred_at, i.admin1, i.target_type,"
                    + " i.strike_type, i.status FROM incident AS i, json_each(i.tags) AS j WHERE j.type = 'text'"
                    + " ORDER BY 1, 2"},
            new String[] {"SELECT tag, month, admin1, target_type, strike_type, status, incidents"
                    + " FROM incident_tag_month_stats ORDER BY 1, 2, 3, 4, 5, 6",
                "SELECT tag, coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status,"
                    + " count(*) FROM incident_tag GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6"},
            new String[] {"SELECT tagset, month, admin1, target_type, strike_type, status, incidents"
                    + " FROM incident_tagset_month_stats ORDER BY 1, 2, 3, 4, 5, 6",
                "SELECT gt_tagset(tags), coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type,"
                    + " status, count(*) FROM incident WHERE gt_tagset(tags) IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6"
                    + " ORDER BY 1, 2, 3, 4, 5, 6"},
            new String[] {"SELECT tag, tagset FROM incident_tagset_member ORDER BY 1, 2",
                "SELECT DISTINCT j.value, s.tagset FROM (SELECT DISTINCT gt_tagset(tags) AS tagset FROM incident) AS s,"
                    + " json_each(s.tagset) AS j WHERE s.tagset IS NOT NULL ORDER BY 1, 2"});
    private static final List<List<String>> TAGS = List.of(List.of("ФПВ", "Kherson"), List.of("фпв", "ФПВ"),
            List.of(), List.of("Їжак", "ДСНС"), List.of("fpv"), List.of("kherson", "фпв"));

    @TempDir
    Path dir;
    private Investigation inv;

    @BeforeEach
    void earlierIncidentsMadeOneByOne() {
        inv = TestInvestigations.open(dir);
        for (int n = 0; n < 12; n++) {
            inv.incidents().create(incident(n, "Earlier " + n), "A", "typed");
        }
    }

    @Test
    void bulkSummariesEqualARecountAndTheTriggersComeBackAsTheyWere() throws Exception {
        List<String> triggersBefore = triggers();
        String[] holder = new String[1];
        long created = inv.verification().createPinned("Аналітик", sink -> {
            for (int n = 0; n < 300; n++) {
                PinnedIncident item = pinned(n);
                holder[0] = item.incident().id();
                sink.accept(item);
            }
        });
        assertThat(created).isEqualTo(300);
        assertThat(inv.counts().incidents()).isEqualTo(312);
        assertThat(triggers()).isEqualTo(triggersBefore);
        assertSummariesMatchARecount();
        assertThat(inv.custody().verify().isIntact()).isTrue();
        assertThat(inv.custody().size()).isEqualTo(12 + 2 * 300);
        // The search document is the one a reindex builds: title, tags and the pin's method are all found.
        assertThat(inv.incidents().list(IncidentQuery.text("Пакетна 299"))).extracting(Incident::id)
                .containsExactly(holder[0]);
        assertThat(inv.incidents().list(IncidentQuery.text("Метод пакета"))).hasSize(300);
        assertThat(inv.verification().pins(holder[0])).singleElement().satisfies(p -> assertThat(p.accepted()).isTrue());

        // The triggers work again for the next change made one at a time.
        Incident later = inv.incidents().create(incident(3, "Later"), "A", "typed");
        inv.incidents().update(later.toBuilder().tags(List.of("ДСНС", "нове")).build(), "A", "retagged");
        assertSummariesMatchARecount();
    }

    @Test
    void theBulkPathIsTakenForTheCurrentSchema() throws Exception {
        // If this fails, a migration changed an insert trigger on incident: update IncidentSummaries' statements
        // to what the trigger now does (the batch is correct meanwhile, only slow).
        Database db = database();
        db.inTransaction(c -> {
            try (PinnedIncidentBatch batch = new PinnedIncidentBatch(c, org.groundtruth.core.geo.PlaceLookup.NONE,
                    "A")) {
                assertThat(batch.summariesInBulk()).isTrue();
                batch.finish();
            }
            return null;
        });
    }

    @Test
    void aFailurePartWayLeavesIncidentsSummariesTriggersAndTheLogAsTheyWere() throws Exception {
        List<String> triggersBefore = triggers();
        List<List<List<Object>>> summariesBefore = summaries();
        long logBefore = inv.custody().size();
        assertThatThrownBy(() -> inv.verification().createPinned("A", sink -> {
            for (int n = 0; n < 120; n++) {
                if (n == 77) {
                    throw new BadInputException("points.geojson: feature 78: latitude is not a number");
                }
                sink.accept(pinned(n));
            }
        })).isInstanceOf(BadInputException.class).hasMessage("points.geojson: feature 78: latitude is not a number");
        assertThat(inv.counts().incidents()).isEqualTo(12);
        assertThat(inv.custody().size()).isEqualTo(logBefore);
        assertThat(inv.custody().verify().isIntact()).isTrue();
        assertThat(triggers()).isEqualTo(triggersBefore);
        assertThat(summaries()).isEqualTo(summariesBefore);
        // And the next import goes through whole.
        assertThat(inv.verification().createPinned("A", sink -> sink.accept(pinned(1)))).isEqualTo(1);
        assertSummariesMatchARecount();
    }

    private static Incident incident(int n, String title) {
        return Incident.titled(title).toBuilder()
                .occurredAt(n % 5 == 4 ? Optional.empty()
                        : Optional.of(Instant.parse(String.format("2025-%02d-%02dT10:00:00Z", 1 + n % 3, 1 + n % 27))))
                .timePrecision(n % 5 == 4 ? TimePrecision.UNKNOWN : TimePrecision.MINUTE)
                .admin1(n % 2 == 0 ? "Kherson" : "")
                .targetType(n % 3 == 0 ? TargetType.AMBULANCE : TargetType.FIRE_ENGINE)
                .tags(TAGS.get(n % TAGS.size())).build();
    }

    private static PinnedIncident pinned(int n) {
        Incident incident = incident(n, "Пакетна " + n);
        GeolocationPin pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incident.id(),
                new LatLon(46.6 + n * 0.001, 32.6), 100, Optional.empty(), "Метод пакета", List.of(), "",
                Optional.empty(), "Аналітик", true, Instant.parse("2026-01-01T00:00:00Z"));
        return new PinnedIncident(incident, pin, "imported from points.geojson (GeoJSON, feature " + (n + 1) + ")");
    }

    private void assertSummariesMatchARecount() throws SQLException {
        List<List<List<Object>>> kept = summaries();
        List<List<List<Object>>> recounted = new ArrayList<>();
        for (String[] summary : SUMMARIES) {
            recounted.add(rows(summary[1]));
        }
        for (int i = 0; i < SUMMARIES.size(); i++) {
            assertThat(kept.get(i)).as(SUMMARIES.get(i)[0]).isNotEmpty().isEqualTo(recounted.get(i));
        }
    }

    private List<List<List<Object>>> summaries() throws SQLException {
        List<List<List<Object>>> all = new ArrayList<>();
        for (String[] summary : SUMMARIES) {
            all.add(rows(summary[0]));
        }
        return all;
    }

    private List<String> triggers() throws SQLException {
        List<String> sql = new ArrayList<>();
        for (List<Object> row : rows("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) {
            sql.add((String) row.get(0));
        }
        return sql;
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        return database().read(c -> query(c, sql));
    }

    private static List<List<Object>> query(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Database database() {
        try {
            java.lang.reflect.Field field = Investigation.class.getDeclaredField("database");
            field.setAccessible(true);
            return (Database) field.get(inv);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        inv.close();
    }
}
