package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fields of view given per camera model are kept in the settings file across sessions and survive other saves. */
class SettingsFieldOfViewTest {
    @TempDir
    Path dir;

    @Test
    void aFieldOfViewGivenOnceIsThereNextSessionAndSurvivesSavingTheOtherSettings() throws Exception {
        new Settings("Олена", Optional.empty()).save(dir);
        Settings.rememberFieldOfView(dir, "  Mystery Cam X ", 71.5);
        Settings.rememberFieldOfView(dir, "FC9999", 80);
        Settings.rememberFieldOfView(dir, "fc9999", 81); // the same model: the last given wins
        assertThat(Settings.fieldsOfView(dir)).isEqualTo(Map.of("mystery cam x", 71.5, "fc9999", 81.0));
        assertThat(Settings.load(dir).analystName()).isEqualTo("Олена");

        Settings.load(dir).withAnalystName("Тарас").save(dir);
        assertThat(Settings.fieldsOfView(dir)).containsEntry("mystery cam x", 71.5).containsEntry("fc9999", 81.0);
        assertThat(Settings.load(dir).analystName()).isEqualTo("Тарас");
        assertThat(Files.list(dir).filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void invalidEntriesAreSkippedAndInvalidValuesRefused() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "camera.fov.good=60\ncamera.fov.bad=wide\n"
                + "camera.fov.huge=400\n", StandardCharsets.UTF_8);
        assertThat(Settings.fieldsOfView(dir)).isEqualTo(Map.of("good", 60.0));
        assertThatThrownBy(() -> Settings.rememberFieldOfView(dir, "cam", 200)).hasMessageContaining("field of view");
        assertThatThrownBy(() -> Settings.rememberFieldOfView(dir, " ", 60)).hasMessageContaining("camera model");
        assertThat(Settings.fieldsOfView(dir)).isEqualTo(Map.of("good", 60.0));
        assertThat(Settings.fieldsOfView(dir.resolve("none"))).isEmpty();
    }
}
