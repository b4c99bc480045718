package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.analysis.DoubleTapDecision;
import org.groundtruth.core.analysis.DoubleTapDetector;
import org.groundtruth.core.analysis.DoubleTapParameters;
import org.groundtruth.core.analysis.DoubleTapReport;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.IncidentStats;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.VerificationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL statistics agree with the in-memory reference; double-tap decisions are transactional and logged. */
class PatternServiceTest {
    private static final String ANALYST = "Аналітик";

    @TempDir
    Path dir;
    private Investigation inv;

    @BeforeEach
    void open() {
        inv = TestInvestigations.open(dir.resolve("ws"));
    }

    @AfterEach
    void close() {
        inv.close();
    }

    @Test
    void theSchemaHasTheDecisionsMigration() {
        assertThat(inv.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sqlCountsMatchTheInMemoryReferenceForEveryDimensionAndFilter() throws Exception {
        List<Incident> incidents = randomIncidents(new Random(7), 160);
        incidents.forEach(i -> inv.incidents().create(i, ANALYST, ""));
        Instant june = Instant.parse("2025-06-01T00:00:00Z");
        List<IncidentFilter> filters = List.of(IncidentFilter.ALL,
                IncidentFilter.ALL.withStatuses(Set.of(VerificationStatus.VERIFIED, VerificationStatus.GEOLOCATED)),
                IncidentFilter.ALL.withFrom(Optional.of(june)),
                IncidentFilter.ALL.withUntil(Optional.of(june)).withTargetTypes(Set.of(TargetType.FIRE_ENGINE)),
                IncidentFilter.ALL.withStrikeTypes(Set.of(StrikeType.FPV_DRONE, StrikeType.MISSILE)),
                IncidentFilter.ALL.withFrom(Optional.of(Instant.parse("2025-06-15T12:00:00Z")))
                        .withStatuses(Set.of(VerificationStatus.UNVERIFIED)),
                IncidentFilter.ALL.withTags(Set.of("ДСНС")),
                IncidentFilter.ALL.withTags(Set.of("fpv", "kherson")).withFrom(Optional.of(june))
                        .withUntil(Optional.of(june.plus(Duration.ofDays(45)))),
                // one tag, whole months: the per-tag summary; "ФПВ", "фпв" and "Фпв" are one tag
                IncidentFilter.ALL.withTags(Set.of("фпв")),
                IncidentFilter.ALL.withTags(Set.of("ФПВ")).withFrom(Optional.of(june))
                        .withStatuses(Set.of(VerificationStatus.VERIFIED, VerificationStatus.UNVERIFIED)),
                IncidentFilter.ALL.withTags(Set.of(" Їжак ")).withUntil(Optional.of(june)),
                // one tag, dates inside a month: the tag rows
                IncidentFilter.ALL.withTags(Set.of("FPV")).withFrom(Optional.of(Instant.parse("2025-06-15T12:00:00Z"))),
                IncidentFilter.ALL.withTags(Set.of("ЇЖАК")).withUntil(Optional.of(Instant.parse("2025-07-03T11:00:00Z")))
                        .withTargetTypes(Set.of(TargetType.FIRE_ENGINE, TargetType.AMBULANCE)),
                // several tags, any of them: the incidents through the tag index
                IncidentFilter.ALL.withTags(Set.of("Фпв", "KHERSON")),
                IncidentFilter.ALL.withTags(Set.of("дснс", "фпв", "double-tap")).withFrom(Optional.of(june))
                        .withStrikeTypes(Set.of(StrikeType.FPV_DRONE, StrikeType.ARTILLERY, StrikeType.UNKNOWN)),
                IncidentFilter.ALL.withTags(Set.of("nobody-has-this")),
                IncidentFilter.ALL.withTags(Set.of("nobody-has-this", "їжак")).withFrom(Optional.of(june)),
                // bounds inside months around whole months: the partial months from rows, the rest from a summary
                IncidentFilter.ALL.withFrom(Optional.of(Instant.parse("2025-03-10T08:00:00Z")))
                        .withUntil(Optional.of(Instant.parse("2025-08-20T00:00:00Z"))),
                IncidentFilter.ALL.withTags(Set.of("фпв")).withFrom(Optional.of(Instant.parse("2025-03-10T08:00:00Z"))),
                IncidentFilter.ALL.withTags(Set.of("фпв", "дснс", "kherson"))
                        .withUntil(Optional.of(Instant.parse("2025-07-03T12:00:00Z"))),
                IncidentFilter.ALL.withTags(Set.of("дснс", "їжак")).withFrom(Optional.of(june.minusSeconds(1)))
                        .withUntil(Optional.of(Instant.parse("2025-09-01T00:00:01Z"))));
        for (IncidentFilter filter : filters) {
            for (StatsDimension by : StatsDimension.values()) {
                assertThat(inv.patterns().count(filter, by)).as(filter.describe() + " by " + by)
                        .isEqualTo(IncidentStats.count(incidents, filter, by));
            }
            assertThat(inv.patterns().monthly(filter, Optional.empty()))
                    .isEqualTo(IncidentStats.monthly(incidents, filter, Optional.empty()));
            for (StatsDimension stack : List.of(StatsDimension.STATUS, StatsDimension.TARGET_TYPE,
                    StatsDimension.STRIKE_TYPE, StatsDimension.ADMIN1)) {
                assertThat(inv.patterns().monthly(filter, Optional.of(stack))).as(filter.describe() + " stacked by " + stack)
                        .isEqualTo(IncidentStats.monthly(incidents, filter, Optional.of(stack)));
            }
            DoubleTapReport fromStore = inv.patterns().doubleTaps(filter, DoubleTapParameters.DEFAULT, ProgressMonitor.NONE);
            assertThat(fromStore).isEqualTo(new DoubleTapDetector(DoubleTapParameters.DEFAULT)
                    .detect(incidents.stream().filter(filter::matches).toList()));
        }
        assertThat(inv.patterns().count(IncidentFilter.ALL.withTags(Set.of("дснс")), StatsDimension.MONTH).matched())
                .as("Cyrillic tags match whatever their case").isPositive();
        assertThat(inv.patterns().count(IncidentFilter.ALL.withTags(Set.of("фпв", "kherson")), StatsDimension.STATUS)
                .matched()).as("any of several tags").isGreaterThan(inv.patterns()
                        .count(IncidentFilter.ALL.withTags(Set.of("ФПВ")), StatsDimension.STATUS).matched());
        assertTagIndexMatches(incidents);
        assertThat(inv.patterns().doubleTaps(IncidentFilter.ALL, DoubleTapParameters.DEFAULT, ProgressMonitor.NONE)
                .pairs()).isNotEmpty();
    }

    @Test
    void aRangeIsCutIntoItsPartialAndWholeMonths() {
        Instant march10 = Instant.parse("2025-03-10T08:00:00Z");
        Instant april = Instant.parse("2025-04-01T00:00:00Z");
        Instant august = Instant.parse("2025-08-01T00:00:00Z");
        Instant august20 = Instant.parse("2025-08-20T00:00:00Z");
        IncidentFilter tagged = IncidentFilter.ALL.withTags(Set.of("fpv", "дснс"));
        assertThat(PatternFilterSql.pieces(tagged.withFrom(Optional.of(march10)).withUntil(Optional.of(august20))))
                .containsExactly(tagged.withFrom(Optional.of(march10)).withUntil(Optional.of(april)),
                        tagged.withFrom(Optional.of(april)).withUntil(Optional.of(august)),
                        tagged.withFrom(Optional.of(august)).withUntil(Optional.of(august20)));
        assertThat(PatternFilterSql.pieces(tagged.withFrom(Optional.of(march10))))
                .containsExactly(tagged.withUntil(Optional.of(april)).withFrom(Optional.of(march10)),
                        tagged.withFrom(Optional.of(april)));
        IncidentFilter noWholeMonth = tagged.withFrom(Optional.of(march10))
                .withUntil(Optional.of(Instant.parse("2025-04-15T00:00:00Z")));
        assertThat(PatternFilterSql.pieces(noWholeMonth)).containsExactly(noWholeMonth);
        assertThat(PatternFilterSql.pieces(tagged)).containsExactly(tagged);
        assertThat(PatternFilterSql.pieces(tagged.withUntil(Optional.of(august))))
                .containsExactly(tagged.withUntil(Optional.of(august)));
    }

    @Test
    void anIncidentCarryingSeveralOfTheTagsIsCountedOnce() throws Exception {
        Incident both = strike("2025-07-19T10:05:00Z", 50.03, 36.29, StrikeSequence.INITIAL).toBuilder()
                .tags(List.of("FPV", "ДСНС", "kherson")).build();
        Incident one = strike("2025-07-20T10:05:00Z", 50.04, 36.30, StrikeSequence.INITIAL).toBuilder()
                .tags(List.of("дснс")).build();
        Incident other = strike("2025-08-02T10:05:00Z", 50.05, 36.31, StrikeSequence.INITIAL).toBuilder()
                .tags(List.of("Kherson", "їжак")).build();
        Incident untimed = Incident.titled("Удар").toBuilder().tags(List.of("фпв", "FPV", "дснс")).build();
        List<Incident> incidents = List.of(both, one, other, untimed);
        incidents.forEach(i -> inv.incidents().create(i, ANALYST, ""));
        Instant july = Instant.parse("2025-07-01T00:00:00Z");
        for (IncidentFilter filter : List.of(IncidentFilter.ALL.withTags(Set.of("fpv", "дснс")),
                IncidentFilter.ALL.withTags(Set.of("fpv", "дснс", "kherson")),
                IncidentFilter.ALL.withTags(Set.of("fpv", "дснс")).withFrom(Optional.of(july)),
                IncidentFilter.ALL.withTags(Set.of("fpv", "дснс", "kherson")).withFrom(Optional.of(july.plusSeconds(1))),
                IncidentFilter.ALL.withTags(Set.of("ФПВ", "Їжак")).withUntil(Optional.of(Instant.parse(
                        "2025-08-02T12:00:00Z"))))) {
            for (StatsDimension by : StatsDimension.values()) {
                assertThat(inv.patterns().count(filter, by)).as(filter.describe() + " by " + by)
                        .isEqualTo(IncidentStats.count(incidents, filter, by));
            }
            assertThat(inv.patterns().monthly(filter, Optional.of(StatsDimension.STATUS))).as(filter.describe())
                    .isEqualTo(IncidentStats.monthly(incidents, filter, Optional.of(StatsDimension.STATUS)));
        }
        assertThat(inv.patterns().count(IncidentFilter.ALL.withTags(Set.of("fpv", "дснс")), StatsDimension.STATUS)
                .matched()).as("whole months, from the tag-set summary").isEqualTo(3);
        assertThat(inv.patterns().count(IncidentFilter.ALL.withTags(Set.of("fpv", "дснс", "kherson"))
                .withFrom(Optional.of(july.plusSeconds(1))), StatsDimension.STATUS).matched())
                .as("within a month, from the tag rows").isEqualTo(3);
        assertTagIndexMatches(incidents);
    }

    @Test
    void theSummaryTablesAndTheTagIndexFollowEditsAndDeletes() throws Exception {
        List<Incident> incidents = new ArrayList<>(randomIncidents(new Random(11), 60));
        incidents.forEach(i -> inv.incidents().create(i, ANALYST, ""));
        Random random = new Random(12);
        List<List<String>> tagEdits = List.of(List.of(), List.of("ФПВ"), List.of("фпв", "Фпв", "Kherson"),
                List.of("ЇЖАК", "double-tap"), List.of("дснс"));
        for (int k = 0; k < 30; k++) {
            int index = random.nextInt(incidents.size());
            Incident.Builder builder = incidents.get(index).toBuilder();
            if (random.nextBoolean()) {
                builder.tags(tagEdits.get(random.nextInt(tagEdits.size())));
            }
            if (k % 3 == 0) {
                builder.strikeType(StrikeType.values()[random.nextInt(StrikeType.values().length)]);
            }
            Incident edited = builder
                    .targetType(TargetType.values()[random.nextInt(TargetType.values().length)])
                    .admin1(random.nextBoolean() ? "Запорізька область" : "")
                    .occurredAt(random.nextInt(5) == 0 ? Optional.empty()
                            : Optional.of(Instant.parse("2025-09-01T00:00:00Z").plusSeconds(random.nextInt(90) * 86_400L)))
                    .build();
            inv.incidents().update(edited, ANALYST, "");
            incidents.set(index, edited);
        }
        for (int k = 0; k < 10; k++) {
            Incident gone = incidents.remove(random.nextInt(incidents.size()));
            inv.incidents().delete(gone.id(), ANALYST, "test");
        }
        for (StatsDimension by : StatsDimension.values()) {
            assertThat(inv.patterns().count(IncidentFilter.ALL, by)).isEqualTo(IncidentStats.count(incidents,
                    IncidentFilter.ALL, by));
        }
        assertThat(inv.patterns().monthly(IncidentFilter.ALL, Optional.of(StatsDimension.STATUS)))
                .isEqualTo(IncidentStats.monthly(incidents, IncidentFilter.ALL, Optional.of(StatsDimension.STATUS)));
        Instant september = Instant.parse("2025-09-01T00:00:00Z");
        for (IncidentFilter filter : List.of(IncidentFilter.ALL.withTags(Set.of("фпв")),
                IncidentFilter.ALL.withTags(Set.of("ФПВ")).withFrom(Optional.of(september)),
                IncidentFilter.ALL.withTags(Set.of("fpv")).withFrom(Optional.of(september.plusSeconds(86_400))),
                IncidentFilter.ALL.withTags(Set.of("Kherson", "їжак")),
                IncidentFilter.ALL.withTags(Set.of("дснс", "double-tap")).withUntil(Optional.of(september)))) {
            for (StatsDimension by : StatsDimension.values()) {
                assertThat(inv.patterns().count(filter, by)).as(filter.describe() + " by " + by)
                        .isEqualTo(IncidentStats.count(incidents, filter, by));
            }
            assertThat(inv.patterns().monthly(filter, Optional.of(StatsDimension.ADMIN1))).as(filter.describe())
                    .isEqualTo(IncidentStats.monthly(incidents, filter, Optional.of(StatsDimension.ADMIN1)));
        }
        assertTagIndexMatches(incidents);
        for (Incident gone : List.copyOf(incidents)) {
            inv.incidents().delete(gone.id(), ANALYST, "test");
        }
        assertTagIndexMatches(List.of());
    }

    /**
     * incident_tag holds exactly each incident's distinct Java-lower-cased tags with its current columns, and the
     * per-tag summary exactly their counts.
     */
    private void assertTagIndexMatches(List<Incident> incidents) throws Exception {
        Set<String> expected = new java.util.HashSet<>();
        java.util.Map<String, Long> expectedSummary = new java.util.HashMap<>();
        for (Incident i : incidents) {
            for (String tag : i.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toList()) {
                expected.add(String.join("|", i.id(), tag, i.occurredAt().map(Instant::toString).orElse("-"),
                        i.admin1(), i.targetType().code(), i.strikeType().code(), i.status().code()));
                expectedSummary.merge(String.join("|", tag, i.occurredAt().map(t -> t.toString().substring(0, 7))
                        .orElse(""), i.admin1(), i.targetType().code(), i.strikeType().code(), i.status().code()),
                        1L, Long::sum);
            }
        }
        java.util.Map<String, Long> expectedSets = new java.util.HashMap<>();
        for (Incident i : incidents) {
            List<String> set = i.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().sorted()
                    .toList();
            if (!set.isEmpty()) {
                expectedSets.merge(String.join("|", String.join(",", set), i.occurredAt()
                        .map(t -> t.toString().substring(0, 7)).orElse(""), i.admin1(), i.targetType().code(),
                        i.strikeType().code(), i.status().code()), 1L, Long::sum);
            }
        }
        java.util.Map<String, Long> sets = new java.util.HashMap<>();
        Set<String> rows = new java.util.HashSet<>();
        java.util.Map<String, Long> summary = new java.util.HashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + dir.resolve("ws").resolve(Investigation.DATABASE_FILE));
             java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT i.id, t.tag, coalesce(t.occurred_at, '-'), t.admin1,"
                    + " t.target_type, t.strike_type, t.status FROM incident_tag t JOIN incident i"
                    + " ON i.rowid_key = t.incident_key")) {
                while (rs.next()) {
                    rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            assertThat(Long.parseLong(scalar(st, "SELECT count(*) FROM incident_tag"))).isEqualTo(rows.size());
            try (java.sql.ResultSet rs = st.executeQuery("SELECT tag, month, admin1, target_type, strike_type, status,"
                    + " incidents FROM incident_tag_month_stats")) {
                while (rs.next()) {
                    summary.put(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), rs.getLong(7));
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT group_concat(value, ',') FROM json_each(tagset)),"
                    + " month, admin1, target_type, strike_type, status, incidents FROM incident_tagset_month_stats")) {
                while (rs.next()) {
                    sets.put(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), rs.getLong(7));
                }
            }
            assertThat(scalar(st, "SELECT count(*) FROM incident_tagset_month_stats s WHERE EXISTS (SELECT 1"
                    + " FROM json_each(s.tagset) j WHERE NOT EXISTS (SELECT 1 FROM incident_tagset_member m"
                    + " WHERE m.tag = j.value AND m.tagset = s.tagset))")).as("every tag set's members listed")
                    .isEqualTo("0");
        }
        assertThat(rows).isEqualTo(expected);
        assertThat(summary).isEqualTo(expectedSummary);
        assertThat(sets).isEqualTo(expectedSets);
    }

    private static String scalar(java.sql.Statement st, String sql) throws Exception {
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void confirmingMarksTheFollowUpAndDismissingRestoresItWithEveryStepLogged() {
        Incident first = inv.incidents().create(strike("2025-07-19T10:05:00Z", 50.0301, 36.2952,
                StrikeSequence.INITIAL), ANALYST, "");
        Incident second = inv.incidents().create(strike("2025-07-19T10:48:00Z", 50.0311, 36.2960,
                StrikeSequence.UNKNOWN), ANALYST, "");

        DoubleTapDecision confirmed = inv.patterns().decide(first.id(), second.id(), DoubleTapVerdict.CONFIRMED,
                ANALYST, "та сама позиція на обох відео");
        assertThat(confirmed.gapSeconds()).isEqualTo(43 * 60);
        assertThat(confirmed.distanceMeters()).isBetween(110.0, 140.0);
        assertThat(inv.incidents().get(second.id()).strikeSequence()).isEqualTo(StrikeSequence.FOLLOW_UP);
        assertThat(inv.patterns().decision(first.id(), second.id())).contains(confirmed);
        List<AuditEntry> decisionLog = inv.custody().history("double_tap", confirmed.pairKey());
        assertThat(decisionLog).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        assertThat(decisionLog.get(0).reason()).isEqualTo("та сама позиція на обох відео");
        List<AuditEntry> incidentLog = inv.custody().history("incident", second.id());
        assertThat(incidentLog).hasSize(2);
        assertThat(incidentLog.get(1).reason()).startsWith("double tap confirmed: follow-up of " + first.id());

        inv.patterns().decide(first.id(), second.id(), DoubleTapVerdict.DISMISSED, ANALYST, "different crews");
        assertThat(inv.incidents().get(second.id()).strikeSequence()).isEqualTo(StrikeSequence.UNKNOWN);
        assertThat(inv.patterns().decisions()).singleElement()
                .satisfies(d -> assertThat(d.verdict()).isEqualTo(DoubleTapVerdict.DISMISSED));
        assertThat(inv.custody().history("double_tap", confirmed.pairKey())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.UPDATE);
        assertThat(inv.custody().history("incident", second.id())).hasSize(3);
        assertThat(inv.custody().verify().isIntact()).isTrue();

        inv.incidents().delete(first.id(), ANALYST, "duplicate");
        assertThat(inv.patterns().decisions()).as("decisions go with their incidents").isEmpty();
    }

    @Test
    void badDecisionsChangeNothing() {
        Incident first = inv.incidents().create(strike("2025-07-03T09:10:00Z", 47.5712, 34.3962,
                StrikeSequence.INITIAL), ANALYST, "");
        Incident second = inv.incidents().create(strike("2025-07-03T10:00:00Z", 47.5716, 34.3969,
                StrikeSequence.UNKNOWN), ANALYST, "");
        Incident noPlace = inv.incidents().create(Incident.titled("Без місця"), ANALYST, "");
        long logSize = inv.custody().size();

        assertThatThrownBy(() -> inv.patterns().decide(second.id(), first.id(), DoubleTapVerdict.CONFIRMED, ANALYST, ""))
                .isInstanceOf(BadInputException.class).hasMessageContaining("did not happen after");
        assertThatThrownBy(() -> inv.patterns().decide(first.id(), noPlace.id(), DoubleTapVerdict.CONFIRMED, ANALYST, ""))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no location");
        assertThatThrownBy(() -> inv.patterns().decide(first.id(), "inc-0000000000", DoubleTapVerdict.DISMISSED,
                ANALYST, "")).isInstanceOf(BadInputException.class).hasMessageContaining("unknown incident id");
        assertThat(inv.custody().size()).isEqualTo(logSize);
        assertThat(inv.patterns().decisions()).isEmpty();
        assertThat(inv.incidents().get(second.id()).strikeSequence()).isEqualTo(StrikeSequence.UNKNOWN);
    }

    private static Incident strike(String when, double lat, double lon, StrikeSequence sequence) {
        return Incident.titled("Удар").toBuilder().occurredAt(Optional.of(Instant.parse(when)))
                .timePrecision(TimePrecision.MINUTE).location(Optional.of(new LatLon(lat, lon)))
                .strikeSequence(sequence).build();
    }

    static List<Incident> randomIncidents(Random random, int size) {
        String[] regions = {"Херсонська область", "Kharkiv Oblast", "Dnipropetrovsk Oblast", ""};
        String[] tags = {"ДСНС", "дснс", "fpv", "kherson", "double-tap", "ФПВ", "Фпв", "FPV", "Їжак", "їжак"};
        List<Incident> incidents = new ArrayList<>();
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        for (int n = 0; n < size; n++) {
            Optional<Instant> when = random.nextInt(12) == 0 ? Optional.empty()
                    : Optional.of(start.plusSeconds(random.nextLong(200L * 86_400) / 60 * 60));
            Optional<LatLon> where = random.nextInt(10) == 0 ? Optional.empty()
                    : Optional.of(new LatLon(47.5712 + random.nextGaussian() * 0.002, 34.3962 + random.nextGaussian() * 0.002));
            if (when.isPresent() && random.nextInt(4) == 0) {
                when = Optional.of(Instant.parse("2025-07-03T09:10:00Z").plusSeconds(random.nextInt(6 * 3600)));
            }
            List<String> tagList = new ArrayList<>();
            for (String tag : tags) {
                if (random.nextInt(4) == 0) {
                    tagList.add(tag);
                }
            }
            incidents.add(Incident.titled("Випадок " + n).toBuilder().occurredAt(when)
                    .timePrecision(when.isPresent() ? TimePrecision.MINUTE : TimePrecision.UNKNOWN).location(where)
                    .admin1(regions[random.nextInt(regions.length)])
                    .targetType(TargetType.values()[random.nextInt(TargetType.values().length)])
                    .strikeType(StrikeType.values()[random.nextInt(StrikeType.values().length)])
                    .status(VerificationStatus.values()[random.nextInt(VerificationStatus.values().length)])
                    .tags(tagList).build());
        }
        return incidents;
    }
}
