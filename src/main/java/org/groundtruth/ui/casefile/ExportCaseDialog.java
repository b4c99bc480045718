package org.groundtruth.ui.casefile;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * The File ▸ Export case file flow: options, then where to save, then the export in the background (progress and
 * cancel in the status bar); the outcome is shown when it ends.
 */
public final class ExportCaseDialog {
    private ExportCaseDialog() {
    }

    public static void run(Window owner, ExportCaseViewModel vm) {
        if (!askOptions(owner, vm)) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("casefile.export.title"));
        chooser.setInitialFileName("case.zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("casefile.export.zip"), "*.zip"));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        vm.messageProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends String> o, String before, String now) {
                if (!now.isEmpty()) {
                    vm.messageProperty().removeListener(this);
                    Alert alert = Dialogs.alert(Alert.AlertType.INFORMATION, owner, now, DialogButtons.ok());
                    alert.setTitle(I18n.t("casefile.export.title"));
                    alert.setHeaderText(I18n.t("casefile.export.title"));
                    alert.setGraphic(Icon.EXPORT_CASE.header());
                    alert.show();
                }
            }
        });
        Path target = file.toPath();
        vm.export(target.getFileName().toString().contains(".") ? target : target.resolveSibling(target.getFileName() + ".zip"));
    }

    private static boolean askOptions(Window owner, ExportCaseViewModel vm) {
        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), owner);
        dialog.setTitle(I18n.t("casefile.export.title"));
        dialog.setHeaderText(I18n.t("casefile.export.title"));
        dialog.setGraphic(Icon.EXPORT_CASE.header());
        CheckBox verifiedOnly = new CheckBox(I18n.t("casefile.export.verifiedOnly"));
        verifiedOnly.setSelected(vm.verifiedOnlyProperty().get());
        CheckBox media = new CheckBox(I18n.t("casefile.export.media"));
        media.setSelected(vm.includeMediaProperty().get());
        CheckBox publicVersion = new CheckBox(I18n.t("casefile.export.public"));
        publicVersion.setSelected(vm.publicVersionProperty().get());
        Spinner<Integer> grid = new Spinner<>(10, 100_000, (int) vm.gridMetersProperty().get(), 100);
        grid.setEditable(true);
        grid.disableProperty().bind(publicVersion.selectedProperty().not());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, verifiedOnly);
        form.addRow(1, media);
        form.addRow(2, publicVersion);
        form.addRow(3, new Label(I18n.t("casefile.export.grid")), grid);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(DialogButtons.ok(), DialogButtons.cancel());
        if (!dialog.showAndWait().map(DialogButtons::confirms).orElse(false)) {
            return false;
        }
        vm.verifiedOnlyProperty().set(verifiedOnly.isSelected());
        vm.includeMediaProperty().set(media.isSelected());
        vm.publicVersionProperty().set(publicVersion.isSelected());
        vm.gridMetersProperty().set(grid.getValue());
        return true;
    }
}
