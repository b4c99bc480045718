package org.groundtruth.ui.app;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** The first start: what Groundtruth is, and a choice of the demo, a new investigation or an existing one. */
final class WelcomeDialog {
    enum Choice { DEMO, NEW, OPEN }

    private WelcomeDialog() {
    }

    static Optional<Choice> ask(Window owner) {
        ButtonType demo = new ButtonType(I18n.t("welcome.demo"), ButtonBar.ButtonData.OK_DONE);
        ButtonType create = new ButtonType(I18n.t("welcome.new"), ButtonBar.ButtonData.OTHER);
        ButtonType open = new ButtonType(I18n.t("welcome.open"), ButtonBar.ButtonData.OTHER);
        Alert alert = Dialogs.alert(Alert.AlertType.NONE, owner, "", demo, create, open);
        // A label of fixed width, so the dialog's height is measured for the wrapped (longer Ukrainian) text.
        Label text = new Label(I18n.t("welcome.text"));
        text.setWrapText(true);
        text.setPrefWidth(600);
        text.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.setTitle(I18n.t("welcome.title"));
        alert.setHeaderText(I18n.t("welcome.header"));
        alert.setGraphic(new ImageView(Dialogs.appIcon(64)));
        ((Button) alert.getDialogPane().lookupButton(demo)).setGraphic(Icon.DEMO.graphic());
        ((Button) alert.getDialogPane().lookupButton(create)).setGraphic(Icon.NEW_INVESTIGATION.graphic());
        ((Button) alert.getDialogPane().lookupButton(open)).setGraphic(Icon.OPEN_INVESTIGATION.graphic());
        alert.getDialogPane().setId("welcome");
        return alert.showAndWait().map(b -> b == create ? Choice.NEW : b == open ? Choice.OPEN : Choice.DEMO);
    }
}
