package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12: a lone number was read as a position by splitting its digits; now exit 2 with one line and nothing stored. */
class CoordinateInputCliTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void initWorkspace() {
        assertThat(CliRun.of("--workspace", tmp.resolve("ws").toString(), "init").exitCode()).isZero();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", "Олена"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"46.6354", "50", "50.45"})
    void coordsOfOneNumberExitsTwo(String text) {
        CliRun coords = CliRun.of("coords", text);
        assertThat(coords.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(coords.out()).isEmpty();
        assertThat(coords.err()).contains("one number is not a position; give latitude and longitude", text);
        assertThat(coords.err().strip()).doesNotContain("\n");
    }

    @Test
    void coordsOfAnAmbiguousTextExitsTwoListingTheReadings() {
        CliRun coords = CliRun.of("coords", "50,45");
        assertThat(coords.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(coords.err()).contains("ambiguous", "accepted forms");
    }

    @Test
    void pinAddWithOneNumberExitsTwoAndStoresNothing() {
        String incident = run("incident", "add", "--title", "Удар", "--json").json().get("id").asText();
        CliRun pin = run("pin", "add", incident, "--at", "46.6354", "--precision", "10", "--method", "дах");
        assertThat(pin.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(pin.err()).contains("--at", "one number is not a position; give latitude and longitude");
        assertThat(run("pin", "list", incident, "--json").json()).isEmpty();
        CliRun camera = run("pin", "add", incident, "--at", "46.6354, 32.6169", "--precision", "10", "--method", "дах",
                "--camera", "46.641", "--bearing", "40", "--fov", "60");
        assertThat(camera.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(camera.err()).contains("--camera", "one number is not a position");
        assertThat(run("pin", "list", incident, "--json").json()).isEmpty();
    }
}
