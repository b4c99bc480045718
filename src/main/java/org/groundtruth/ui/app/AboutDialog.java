package org.groundtruth.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.groundtruth.core.Version;
import org.groundtruth.ui.common.I18n;

/** Version, licence and the licences of shipped data and libraries (mirrors NOTICE). */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
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
