package org.groundtruth.ui.app;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.groundtruth.ui.common.I18n;

/** The first start: what Groundtruth is, and a choice of the demo, a new investigation or an existing one. */
final class WelcomeDialog {
    enum Choice { DEMO, NEW, OPEN }

    private WelcomeDialog() {
    }

    static Optional<Choice> ask(Window owner) {
        ButtonType demo = new ButtonType(I18n.t("welcome.demo"), ButtonBar.ButtonData.OK_DONE);
        ButtonType create = new ButtonType(I18n.t("welcome.new"), ButtonBar.ButtonData.OTHER);
        ButtonType open = new ButtonType(I18n.t("welcome.open"), ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.NONE, I18n.t("welcome.text"), demo, create, open);
        Optional.ofNullable(owner).ifPresent(alert::initOwner);
        alert.setTitle(I18n.t("welcome.title"));
        alert.setHeaderText(I18n.t("welcome.header"));
        alert.getDialogPane().setId("welcome");
        return alert.showAndWait().map(b -> b == create ? Choice.NEW : b == open ? Choice.OPEN : Choice.DEMO);
    }
}
