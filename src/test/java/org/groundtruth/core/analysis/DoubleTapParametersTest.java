package org.groundtruth.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.groundtruth.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoubleTapParametersTest {
    @Test
    void durationsAsPeopleTypeThem() {
        assertThat(DoubleTapParameters.parseDuration("3h", "--window")).isEqualTo(Duration.ofHours(3));
        assertThat(DoubleTapParameters.parseDuration("90m", "--window")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DoubleTapParameters.parseDuration(" 1h30m ", "--window")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DoubleTapParameters.parseDuration("2d", "--window")).isEqualTo(Duration.ofDays(2));
        assertThat(DoubleTapParameters.parseDuration("45s", "--window")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DoubleTapParameters.parseDuration("PT3H", "--window")).isEqualTo(Duration.ofHours(3));
        assertThat(DoubleTapParameters.formatDuration(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DoubleTapParameters.formatDuration(Duration.ofHours(3))).isEqualTo("3h");
    }

    @Test
    void durationsInUkrainianUnits() {
        assertThat(DoubleTapParameters.parseDuration("3 год", "window")).isEqualTo(Duration.ofHours(3));
        assertThat(DoubleTapParameters.parseDuration("90 хв", "window")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DoubleTapParameters.parseDuration("1 год 30 хв", "window")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DoubleTapParameters.parseDuration("2 дн", "window")).isEqualTo(Duration.ofDays(2));
        assertThat(DoubleTapParameters.parseDuration("45 с", "window")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> DoubleTapParameters.parseDuration("3 роки", "window"))
                .isInstanceOf(BadInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "h", "3x", "-3h", "3h 20m", "1.5h", "PTxH", "3hh"})
    void badDurationsNameTheInput(String text) {
        assertThatThrownBy(() -> DoubleTapParameters.parseDuration(text, "--window"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--window '" + text + "'");
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new DoubleTapParameters(-1, Duration.ofHours(3))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("radius");
        assertThatThrownBy(() -> new DoubleTapParameters(Double.NaN, Duration.ofHours(3)))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new DoubleTapParameters(500, Duration.ZERO)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new DoubleTapParameters(500, Duration.ofDays(400)))
                .isInstanceOf(BadInputException.class);
        assertThat(DoubleTapParameters.DEFAULT.windowSeconds()).isEqualTo(3 * 3600);
        assertThat(DoubleTapParameters.DEFAULT.radiusMeters()).isEqualTo(500);
    }
}
