package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings keep the tile templates the map can fetch (XYZ, TMS, quadkey, subdomains) and refuse the rest. */
class SettingsTileSourcesTest {
    private static Settings with(List<String> sources) {
        return new Settings("", Optional.empty(), Optional.empty(), Optional.empty(), Settings.Theme.LIGHT,
                Settings.CoordinateDisplay.DECIMAL, Settings.Units.METRIC, sources, 512, false, false);
    }

    @Test
    void acceptsTheTemplateFormsTheMapFetches() {
        List<String> forms = List.of("https://{s}.tile.example.org/{z}/{x}/{y}.png",
                "https://tms.example.org/{z}/{x}/{-y}.png", "http://t.example.net/tiles/a{q}.jpeg");
        assertThat(with(forms).tileSources()).isEqualTo(forms);
    }

    @Test
    void refusesWhatIsNotATileTemplate() {
        assertThatThrownBy(() -> with(List.of("https://x.org/{z}/{x}.png"))).hasMessageContaining("{-y}");
        assertThatThrownBy(() -> with(List.of("ftp://x.org/{z}/{x}/{y}"))).isInstanceOf(IllegalArgumentException.class);
    }
}
