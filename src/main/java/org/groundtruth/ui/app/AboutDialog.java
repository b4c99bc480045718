package org.groundtruth.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.groundtruth.core.Version;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** Version, licence and the licences of shipped data and libraries (mirrors NOTICE). */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert alert = Dialogs.alert(Alert.AlertType.INFORMATION, owner, "");
        alert.setGraphic(Icon.ABOUT.header());
        alert.setTitle(I18n.t("menu.about"));
        alert.setHeaderText("Groundtruth " + Version.current());
        TextArea text = new TextArea(I18n.t("about.text"));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(12);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
