package org.groundtruth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unit symbols follow the window's language; the numbers stay those of core. */
class UnitTextTest {
    @AfterEach
    void restore() {
        I18n.use(Locale.ROOT);
    }

    @Test
    void englishKeepsTheCoreText() {
        I18n.use(Locale.ROOT);
        assertThat(UnitText.distance(451_400)).isEqualTo("451.4 km");
        assertThat(UnitText.distance(12.34)).isEqualTo("12.3 m");
        assertThat(UnitText.plusMinusMetres(24.6)).isEqualTo("\u00b125 m");
        assertThat(UnitText.duration(43 * 60)).isEqualTo("43 min");
        assertThat(UnitText.duration(12 * 60 + 5)).isEqualTo("12 min 05 s");
        assertThat(UnitText.duration(2 * 3600 + 7 * 60)).isEqualTo("2 h 07 min");
        assertThat(UnitText.bytes(512)).isEqualTo("512 B");
        assertThat(UnitText.bytes(3_355_443)).isEqualTo("3.2 MiB");
    }

    @Test
    void ukrainianSymbols() {
        I18n.use(Locale.forLanguageTag("uk"));
        assertThat(UnitText.distance(451_400)).isEqualTo("451.4 км");
        assertThat(UnitText.duration(2 * 3600 + 7 * 60)).isEqualTo("2 год 07 хв");
        assertThat(UnitText.bytes(3_355_443)).isEqualTo("3,2 МіБ");
    }
}
