package org.groundtruth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.javafx.IkonResolver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every icon of the set resolves to a glyph of the icon font at the agreed sizes; dialogs get the app icon. */
@ExtendWith(ApplicationExtension.class)
class IconTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void everyIconResolvesAtBothSizes(FxRobot robot) {
        robot.interact(() -> {
            for (Icon icon : Icon.values()) {
                assertThat(IkonResolver.getInstance().resolve(icon.ikon().getDescription())).as(icon.name()).isNotNull();
                FontIcon graphic = icon.graphic();
                assertThat(graphic.getIconCode()).as(icon.name()).isEqualTo(icon.ikon());
                assertThat(graphic.getIconSize()).isEqualTo(Icon.SIZE);
                assertThat(icon.header().getIconSize()).isEqualTo(Icon.HEADER_SIZE);
                assertThat(graphic.getText()).as(icon.name()).isNotEmpty();
            }
        });
    }

    @Test
    void eachCallGivesANewNode() {
        assertThat(Icon.MAP.graphic()).isNotSameAs(Icon.MAP.graphic());
    }

    @Test
    void alertsHaveOurButtonsAndTheApplicationIcon(FxRobot robot) {
        robot.interact(() -> {
            Alert info = Dialogs.alert(Alert.AlertType.INFORMATION, null, "text");
            assertThat(info.getButtonTypes()).extracting(ButtonType::getText).containsExactly(I18n.t("button.close"));
            assertThat(((Stage) info.getDialogPane().getScene().getWindow()).getIcons()).hasSize(7);
            var input = Dialogs.textInput(null, "x");
            assertThat(input.getDialogPane().getButtonTypes()).extracting(ButtonType::getButtonData)
                    .containsExactly(ButtonData.OK_DONE, ButtonData.CANCEL_CLOSE);
            assertThat(input.getDialogPane().getButtonTypes()).noneMatch(b -> Arrays.asList(ButtonType.OK,
                    ButtonType.CANCEL).contains(b));
        });
    }
}
