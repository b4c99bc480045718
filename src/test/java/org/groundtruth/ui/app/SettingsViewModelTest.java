package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.groundtruth.store.Settings;
import org.junit.jupiter.api.Test;

/** Edit → Settings without the dialog: the fields as shown, what confirming them gives, what is refused. */
class SettingsViewModelTest {
    private static final Settings CURRENT = new Settings("Оксана", Optional.of(Path.of("/cases/харків")),
            Optional.of(Path.of("/cases")), Optional.of("uk"), Settings.Theme.DARK, Settings.CoordinateDisplay.MGRS,
            Settings.Units.IMPERIAL, List.of("https://tile.example.org/{z}/{x}/{y}.png"), 2048, true, true);

    @Test
    void showsTheCurrentSettingsAndGivesThemBackUnchanged() {
        SettingsViewModel model = new SettingsViewModel(CURRENT);

        assertThat(model.analystProperty().get()).isEqualTo("Оксана");
        assertThat(model.languageProperty().get()).isEqualTo("uk");
        assertThat(model.themeProperty().get()).isEqualTo("DARK");
        assertThat(model.coordinatesProperty().get()).isEqualTo("MGRS");
        assertThat(model.unitsProperty().get()).isEqualTo("IMPERIAL");
        assertThat(model.defaultWorkspaceProperty().get()).isEqualTo(Path.of("/cases").toString());
        assertThat(model.tileSourcesProperty().get()).isEqualTo("https://tile.example.org/{z}/{x}/{y}.png");
        assertThat(model.cacheMegabytesProperty().get()).isEqualTo("2048");
        assertThat(model.offlineProperty().get()).isTrue();
        assertThat(model.read()).isEqualTo(CURRENT);
    }

    @Test
    void editsBecomeTheSettingsAndKeepWhatTheDialogDoesNotShow() {
        SettingsViewModel model = new SettingsViewModel(CURRENT);
        model.analystProperty().set("  Петро ");
        model.languageProperty().set("");
        model.themeProperty().set("LIGHT");
        model.coordinatesProperty().set("DMS");
        model.unitsProperty().set("METRIC");
        model.defaultWorkspaceProperty().set("   ");
        model.tileSourcesProperty().set("https://a.example.org/{z}/{x}/{y}.png\n\nhttps://b.example.org/{q}.jpg\n");
        model.cacheMegabytesProperty().set(" 64 ");
        model.offlineProperty().set(false);

        Settings read = model.read();

        assertThat(read.analystName()).isEqualTo("Петро");
        assertThat(read.language()).isEmpty();
        assertThat(read.theme()).isEqualTo(Settings.Theme.LIGHT);
        assertThat(read.coordinates()).isEqualTo(Settings.CoordinateDisplay.DMS);
        assertThat(read.units()).isEqualTo(Settings.Units.METRIC);
        assertThat(read.defaultWorkspace()).isEmpty();
        assertThat(read.tileSources()).containsExactly("https://a.example.org/{z}/{x}/{y}.png",
                "https://b.example.org/{q}.jpg");
        assertThat(read.tileCacheMegabytes()).isEqualTo(64);
        assertThat(read.offlineOnly()).isFalse();
        assertThat(read.lastWorkspace()).isEqualTo(CURRENT.lastWorkspace());
        assertThat(read.welcomed()).isTrue();
    }

    @Test
    void refusesABadCacheSizeOrTileSourceNamingIt() {
        SettingsViewModel model = new SettingsViewModel(CURRENT);
        model.cacheMegabytesProperty().set("багато");
        assertThatThrownBy(model::read).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("багато");

        model.cacheMegabytesProperty().set("512");
        model.tileSourcesProperty().set("ftp://tiles.example.org/map.png");
        assertThatThrownBy(model::read).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://tiles.example.org/map.png");
    }

    @Test
    void everyChoiceHasALabelInBothLanguages() throws Exception {
        SettingsViewModel model = new SettingsViewModel(CURRENT);
        for (String bundle : List.of("/i18n/messages.properties", "/i18n/messages_uk.properties")) {
            Properties messages = new Properties();
            try (InputStream in = SettingsViewModelTest.class.getResourceAsStream(bundle)) {
                messages.load(in);
            }
            for (String name : model.themes()) {
                assertThat(messages).containsKey(SettingsViewModel.choiceKey(SettingsViewModel.THEME, name));
            }
            for (String name : model.coordinateForms()) {
                assertThat(messages).containsKey(SettingsViewModel.choiceKey(SettingsViewModel.COORDINATES, name));
            }
            for (String name : model.unitSystems()) {
                assertThat(messages).containsKey(SettingsViewModel.choiceKey(SettingsViewModel.UNITS, name));
            }
            for (String code : model.languages()) {
                assertThat(messages).containsKey(code.isEmpty() ? "settings.language.system"
                        : "settings.language." + code);
            }
        }
    }
}
