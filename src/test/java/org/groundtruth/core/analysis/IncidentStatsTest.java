package org.groundtruth.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;
import org.junit.jupiter.api.Test;

class IncidentStatsTest {
    private static Incident incident(String when, String region, TargetType target, VerificationStatus status,
            String... tags) {
        return Incident.titled("Удар").toBuilder().occurredAt(Optional.ofNullable(when).map(Instant::parse))
                .admin1(region).targetType(target).status(status).strikeType(StrikeType.FPV_DRONE)
                .tags(List.of(tags)).build();
    }

    private final List<Incident> incidents = List.of(
            incident("2025-05-10T10:00:00Z", "Херсонська область", TargetType.FIRE_ENGINE, VerificationStatus.VERIFIED, "dsns"),
            incident("2025-05-31T23:59:59Z", "Kharkiv Oblast", TargetType.AMBULANCE, VerificationStatus.VERIFIED),
            incident("2025-07-01T00:00:00Z", "Херсонська область", TargetType.FIRE_ENGINE, VerificationStatus.GEOLOCATED, "DSNS"),
            incident("2025-07-02T00:00:00Z", "Херсонська область", TargetType.AMBULANCE, VerificationStatus.VERIFIED),
            incident("2025-07-03T00:00:00Z", "", TargetType.AMBULANCE, VerificationStatus.VERIFIED),
            incident("2025-07-04T00:00:00Z", "Kharkiv Oblast", TargetType.FIRE_ENGINE, VerificationStatus.REJECTED),
            incident("2025-07-05T00:00:00Z", "Kharkiv Oblast", TargetType.FIRE_ENGINE, VerificationStatus.VERIFIED),
            incident("2025-07-06T00:00:00Z", "Kharkiv Oblast", TargetType.OTHER, VerificationStatus.VERIFIED),
            incident(null, "Kharkiv Oblast", TargetType.FIRE_ENGINE, VerificationStatus.VERIFIED));

    @Test
    void monthsIncludeEmptyMonthsAndTheChangeFromTheMonthBefore() {
        MonthlySeries series = IncidentStats.monthly(incidents, IncidentFilter.ALL, Optional.empty());
        assertThat(series.months()).extracting(MonthCount::key).containsExactly("2025-05", "2025-06", "2025-07");
        assertThat(series.months()).extracting(MonthCount::total).containsExactly(2L, 0L, 6L);
        assertThat(series.months().get(0).change()).isEmpty();
        assertThat(series.months().get(1).change().orElseThrow().text()).isEqualTo("\u2212100%");
        MonthChange july = series.months().get(2).change().orElseThrow();
        assertThat(july.percent()).isEmpty();
        assertThat(july.text()).isEqualTo("+6");
        assertThat(series.withoutTime()).isEqualTo(1);
        assertThat(series.total()).isEqualTo(8);
        assertThat(series.busiest().orElseThrow().month()).isEqualTo(YearMonth.of(2025, 7));
        assertThat(new MonthChange(2, 6).text()).isEqualTo("+200%");
        assertThat(new MonthChange(4, 4).text()).isEqualTo("±0%");
    }

    @Test
    void stackedMonthsSplitEachBarAndAddUp() {
        MonthlySeries series = IncidentStats.monthly(incidents, IncidentFilter.ALL, Optional.of(StatsDimension.ADMIN1));
        assertThat(series.months().get(2).stacks()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Херсонська область", 2L, "Kharkiv Oblast", 3L, StackKeys.NONE, 1L));
        assertThat(series.stackKeys()).containsExactly("(none)", "Kharkiv Oblast", "Херсонська область");
        assertThatThrownBy(() -> MonthlySeries.of(IncidentFilter.ALL, Optional.of(StatsDimension.MONTH),
                new java.util.TreeMap<>(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsByEveryDimensionSkipThoseWithoutAKey() {
        CountTable byRegion = IncidentStats.count(incidents, IncidentFilter.ALL, StatsDimension.ADMIN1);
        assertThat(byRegion.rows()).containsExactly(new CountRow("Kharkiv Oblast", 5), new CountRow("Херсонська область", 3));
        assertThat(byRegion.skipped()).isEqualTo(1);
        assertThat(byRegion.matched()).isEqualTo(incidents.size());

        CountTable byMonth = IncidentStats.count(incidents, IncidentFilter.ALL, StatsDimension.MONTH);
        assertThat(byMonth.rows()).containsExactly(new CountRow("2025-05", 2), new CountRow("2025-07", 6));
        assertThat(byMonth.skipped()).isEqualTo(1);

        CountTable byTarget = IncidentStats.count(incidents, IncidentFilter.ALL, StatsDimension.TARGET_TYPE);
        assertThat(byTarget.rows()).containsExactly(new CountRow("ambulance", 3), new CountRow("fire_engine", 5),
                new CountRow("other", 1));
    }

    @Test
    void filtersCombineAndTheirDescriptionNamesEveryPart() {
        IncidentFilter filter = IncidentFilter.ALL.withStatuses(Set.of(VerificationStatus.VERIFIED))
                .withFrom(Optional.of(Instant.parse("2025-05-31T00:00:00Z")))
                .withUntil(Optional.of(Instant.parse("2025-07-06T00:00:00Z")));
        CountTable table = IncidentStats.count(incidents, filter, StatsDimension.MONTH);
        assertThat(table.rows()).containsExactly(new CountRow("2025-05", 1), new CountRow("2025-07", 3));
        assertThat(table.skipped()).isZero();
        assertThat(filter.describe()).isEqualTo("occurred 2025-05-31 00:00 to before 2025-07-06 00:00 UTC; status verified");
        assertThat(IncidentFilter.ALL.describe()).isEqualTo("all incidents");

        IncidentFilter tagged = IncidentFilter.ALL.withTags(Set.of(" dsns "))
                .withTargetTypes(Set.of(TargetType.FIRE_ENGINE)).withStrikeTypes(Set.of(StrikeType.FPV_DRONE));
        assertThat(IncidentStats.count(incidents, tagged, StatsDimension.ADMIN1).rows())
                .containsExactly(new CountRow("Херсонська область", 2));
        assertThat(tagged.describe()).isEqualTo("target fire_engine; strike type fpv_drone; tagged dsns");
        assertThat(IncidentStats.count(incidents, tagged.withStrikeTypes(Set.of(StrikeType.MISSILE)),
                StatsDimension.ADMIN1).rows()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> StatsDimension.parse("week", "--by")).isInstanceOf(BadInputException.class)
                .hasMessage("--by 'week' is not one of: month, admin1, target-type, strike-type, status");
        assertThat(StatsDimension.parse("target_type", "--by")).isEqualTo(StatsDimension.TARGET_TYPE);
        Instant t = Instant.parse("2025-07-01T00:00:00Z");
        assertThatThrownBy(() -> IncidentFilter.ALL.withFrom(Optional.of(t)).withUntil(Optional.of(t)))
                .hasMessageContaining("date range is empty");
    }
}
