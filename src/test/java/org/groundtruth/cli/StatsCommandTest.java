package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groundtruth stats} on the demo investigation, through main, with --json parsed back. */
class StatsCommandTest {
    @TempDir
    static Path tmp;
    static String ws;

    @BeforeAll
    static void demo() {
        ws = tmp.resolve("demo").toString();
        CliRun.of("--workspace", ws, "init");
        CliRun demo = CliRun.of("--workspace", ws, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    private static List<String> rows(JsonNode json) {
        List<String> rows = new ArrayList<>();
        json.forEach(row -> {
            assertThat(row.size()).as("exactly key and count: " + row).isEqualTo(2);
            rows.add(row.get("key").asText() + "=" + row.get("count").asLong());
        });
        return rows;
    }

    @Test
    void countsPerMonthAndPerRegionAsJson() {
        CliRun months = CliRun.of("--workspace", ws, "stats", "--by", "month", "--json");
        assertThat(months.exitCode()).as(months.err()).isZero();
        assertThat(rows(months.json())).containsExactly("2025-06=2", "2025-07=5", "2025-08=3");

        CliRun regions = CliRun.of("--workspace", ws, "stats", "--by", "admin1", "--json");
        assertThat(rows(regions.json())).containsExactly("Dnipropetrovsk Oblast=3", "Kharkiv Oblast=2",
                "Kherson Oblast=3", "Odesa Oblast=1", "Zaporizhzhia Oblast=1");

        CliRun targets = CliRun.of("--workspace", ws, "stats", "--by", "target-type", "--json");
        assertThat(rows(targets.json())).contains("fire_engine=4", "ambulance=2", "emergency_personnel=2");
        CliRun strikes = CliRun.of("--workspace", ws, "stats", "--by", "strike-type", "--json");
        assertThat(rows(strikes.json())).contains("fpv_drone=3", "aerial_bomb=3");
    }

    @Test
    void filtersNarrowTheCountAndTheHumanOutputSaysWhichFilter() {
        CliRun july = CliRun.of("--workspace", ws, "stats", "--by", "admin1", "--from", "2025-07-01", "--to",
                "2025-07-31", "--status", "in_progress,geolocated", "--json");
        assertThat(july.exitCode()).as(july.err()).isZero();
        assertThat(rows(july.json())).containsExactly("Kharkiv Oblast=2", "Zaporizhzhia Oblast=1");

        CliRun human = CliRun.of("--workspace", ws, "stats", "--status", "verified");
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("Incidents per month (UTC) \u2014 status verified", "2025-06", "1 counted");
        CliRun all = CliRun.of("--workspace", ws, "stats");
        assertThat(all.out()).contains("all incidents", "2025-07       5   +150% vs previous month", "10 counted");
    }

    @Test
    void badInputIsExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] {"stats", "--by", "week"}, new String[] {"stats", "--status", "maybe"},
                new String[] {"stats", "--from", "yesterday"}, new String[] {"stats", "--from", "2025-08-01", "--to",
                    "2025-07-01"})) {
            List<String> full = new ArrayList<>(List.of("--workspace", ws));
            full.addAll(List.of(args));
            CliRun run = CliRun.of(full.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(CliRun.of("--workspace", ws, "stats", "--by", "week").err())
                .contains("--by 'week' is not one of: month, admin1, target-type, strike-type");
    }
}
