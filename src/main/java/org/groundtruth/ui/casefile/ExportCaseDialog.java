package org.groundtruth.ui.casefile;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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

    /** @param afterExport runs when the export has ended, either way (the custody log gained an entry) */
    public static void run(Window owner, ExportCaseViewModel vm, Runnable afterExport) {
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
                    afterExport.run();
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

    private static final double FORM_WIDTH = 560;

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
        grid.setPrefWidth(130);
        grid.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label(I18n.t("casefile.export.publicHint"));
        hint.setWrapText(true);
        hint.setPrefWidth(FORM_WIDTH - 28);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setPadding(new Insets(0, 0, 0, 28));
        hint.getStyleClass().add("text-muted");
        Label gridLabel = new Label(I18n.t("casefile.export.grid"));
        HBox gridRow = new HBox(8, gridLabel, grid);
        gridRow.setAlignment(Pos.CENTER_LEFT);
        gridRow.setPadding(new Insets(0, 0, 0, 28));
        gridRow.disableProperty().bind(publicVersion.selectedProperty().not());
        VBox form = new VBox(10, verifiedOnly, media, publicVersion, hint, gridRow);
        form.setPrefWidth(FORM_WIDTH);
        // Sized outright: a dialog measured before its text wraps cuts off the last rows (see WelcomeDialog).
        dialog.getDialogPane().setPrefSize(FORM_WIDTH + 60, 360);
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
