package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groundtruth double-taps} on the demo: the Nikopol and Kharkiv pairs, decisions, bad input. */
class DoubleTapsCommandTest {
    @TempDir
    Path tmp;
    String ws;

    @BeforeEach
    void demo() {
        ws = tmp.resolve("demo").toString();
        CliRun.of("--workspace", ws, "init");
        assertThat(CliRun.of("--workspace", ws, "demo").exitCode()).isZero();
    }

    @Test
    void findsTheTwoDemoPairsWithDistanceAndGap() {
        CliRun run = CliRun.of("--workspace", ws, "double-taps", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode pairs = run.json();
        assertThat(pairs).hasSize(2);
        JsonNode nikopol = pairs.get(0);
        assertThat(fields(nikopol)).containsExactlyInAnyOrder("first", "second", "distanceMeters", "gapSeconds");
        assertThat(nikopol.get("gapSeconds").asLong()).isEqualTo(50 * 60);
        assertThat(nikopol.get("distanceMeters").asDouble()).isBetween(50.0, 80.0);
        JsonNode kharkiv = pairs.get(1);
        assertThat(kharkiv.get("gapSeconds").asLong()).isEqualTo(43 * 60);
        assertThat(kharkiv.get("distanceMeters").asDouble()).isBetween(110.0, 140.0);

        CliRun tight = CliRun.of("--workspace", ws, "double-taps", "--window", "45m", "--radius", "100", "--json");
        assertThat(tight.json()).isEmpty();
        CliRun kharkivOnly = CliRun.of("--workspace", ws, "double-taps", "--window", "45m", "--json");
        assertThat(kharkivOnly.json()).hasSize(1);

        CliRun human = CliRun.of("--workspace", ws, "double-taps");
        assertThat(human.out()).contains("within 500 m and 3h \u2014 all incidents", "[not decided]",
                "2 suspected follow-up strike(s) in 2 group(s) among 10 strike(s)", "0 incident(s) skipped");
    }

    @Test
    void confirmSetsTheFollowUpAndDismissRestoresIt() {
        JsonNode kharkiv = CliRun.of("--workspace", ws, "double-taps", "--json").json().get(1);
        String first = kharkiv.get("first").asText();
        String second = kharkiv.get("second").asText();

        CliRun confirm = CliRun.of("--workspace", ws, "--analyst", "Аналітик", "double-taps", "confirm", first, second,
                "--reason", "та сама позиція", "--json");
        assertThat(confirm.exitCode()).as(confirm.err()).isZero();
        assertThat(confirm.json().get("verdict").asText()).isEqualTo("confirmed");
        try (Investigation inv = TestInvestigations.open(Path.of(ws))) {
            assertThat(inv.incidents().get(second).strikeSequence()).isEqualTo(StrikeSequence.FOLLOW_UP);
            assertThat(inv.custody().history("double_tap", first + ">" + second)).hasSize(1);
        }
        assertThat(CliRun.of("--workspace", ws, "double-taps").out()).contains("[confirmed]");

        CliRun dismiss = CliRun.of("--workspace", ws, "double-taps", "dismiss", first, second, "--reason", "інший екіпаж");
        assertThat(dismiss.exitCode()).as(dismiss.err()).isZero();
        assertThat(dismiss.out()).startsWith("Dismissed: " + second + " follows " + first);
        try (Investigation inv = TestInvestigations.open(Path.of(ws))) {
            assertThat(inv.incidents().get(second).strikeSequence()).isEqualTo(StrikeSequence.UNKNOWN);
        }
        CliRun reversed = CliRun.of("--workspace", ws, "double-taps", "confirm", second, first);
        assertThat(reversed.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(reversed.err()).contains("did not happen after");
    }

    @Test
    void badParametersAreExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] {"--radius", "-5"}, new String[] {"--radius", "far"},
                new String[] {"--window", "3"}, new String[] {"--window", "soon"}, new String[] {"--window", "0m"},
                new String[] {"--radius", "2000000"})) {
            List<String> full = new ArrayList<>(List.of("--workspace", ws, "double-taps"));
            full.addAll(List.of(args));
            CliRun run = CliRun.of(full.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(CliRun.of("--workspace", ws, "double-taps", "--radius", "-5").err())
                .contains("--radius must be a distance of 0 metres or more");
        assertThat(CliRun.of("--workspace", ws, "double-taps", "--window", "3").err())
                .contains("--window '3' is not a duration like 3h, 90m");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
