package org.groundtruth.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** Help → Keyboard shortcuts and Help → The workflow in eight steps. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    static void shortcuts(Window owner) {
        show(owner, "help.shortcuts.title", "help.shortcuts.text", Icon.SHORTCUTS);
    }

    static void workflow(Window owner) {
        show(owner, "help.workflow.title", "help.workflow.text", Icon.WORKFLOW);
    }

    private static void show(Window owner, String titleKey, String textKey, Icon icon) {
        Alert alert = Dialogs.alert(Alert.AlertType.INFORMATION, owner, "");
        alert.setGraphic(icon.header());
        alert.setTitle(I18n.t(titleKey));
        alert.setHeaderText(I18n.t(titleKey));
        TextArea text = new TextArea(I18n.t(textKey));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(16);
        text.setPrefColumnCount(60);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
