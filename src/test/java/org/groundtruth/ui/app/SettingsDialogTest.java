package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.groundtruth.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog edits its ViewModel: fields show it and write to it; OK on a bad value keeps it open. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void fieldsEditTheViewModelAndABadValueKeepsTheDialogOpen(FxRobot robot) {
        Settings current = new Settings("Оксана", Optional.of(Path.of("/cases/харків")));
        SettingsViewModel model = new SettingsViewModel(current);
        AtomicReference<SettingsDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(new SettingsDialog(stage, model));
            dialog.get().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var pane = dialog.get().getDialogPane();
        TextField analyst = (TextField) pane.lookup("#settings-analyst");
        ComboBox<String> theme = (ComboBox<String>) pane.lookup("#settings-theme");
        TextField cache = (TextField) pane.lookup("#settings-cache");
        CheckBox offline = (CheckBox) pane.lookup("#settings-offline");
        assertThat(analyst.getText()).isEqualTo("Оксана");
        assertThat(theme.getValue()).isEqualTo("LIGHT");
        assertThat(cache.getText()).isEqualTo("512");

        Button ok = pane.getButtonTypes().stream().filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
        robot.interact(() -> {
            analyst.setText("Петро");
            theme.setValue("DARK");
            offline.setSelected(true);
            cache.setText("багато");
            ok.fire();
        });
        assertThat(dialog.get().isShowing()).isTrue();
        assertThat(((Label) pane.lookup("#settings-error")).getText()).contains("багато");

        robot.interact(() -> {
            cache.setText("1024");
            ok.fire();
        });
        assertThat(dialog.get().isShowing()).isFalse();
        assertThat(dialog.get().getResult()).isTrue();
        Settings read = model.read();
        assertThat(read.analystName()).isEqualTo("Петро");
        assertThat(read.theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(read.offlineOnly()).isTrue();
        assertThat(read.tileCacheMegabytes()).isEqualTo(1024);
        assertThat(read.lastWorkspace()).isEqualTo(current.lastWorkspace());
        assertThat(read.tileSources()).isEqualTo(List.of());
    }
}
