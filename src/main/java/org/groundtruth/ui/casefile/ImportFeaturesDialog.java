package org.groundtruth.ui.casefile;

import java.io.File;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import org.groundtruth.ui.common.UnitText;

/** File ▸ Import features: choose a file, see the points it would become, then import them or not. */
public final class ImportFeaturesDialog {
    private ImportFeaturesDialog() {
    }

    public static void run(Window owner, ImportFeaturesViewModel vm, Runnable afterImport) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("casefile.features.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("casefile.features.files"),
                "*.kml", "*.kmz", "*.geojson", "*.json", "*.gpx", "*.csv", "*.gpkg"));
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return;
        }
        TableView<ImportFeaturesViewModel.Row> table = new TableView<>(vm.rows());
        table.getColumns().add(column(I18n.t("casefile.features.column.title"), r -> r.title()));
        table.getColumns().add(column(I18n.t("casefile.features.column.position"),
                r -> String.format(java.util.Locale.ROOT, "%.6f, %.6f", r.lat(), r.lon())));
        table.getColumns().add(column(I18n.t("casefile.features.column.precision"),
                r -> UnitText.plusMinusMetres(r.precisionMeters())));
        table.getColumns().add(column(I18n.t("casefile.features.column.time"), r -> r.occurredAt()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        BorderPane content = new BorderPane(table);
        content.setBottom(summary);
        content.setPrefSize(760, 420);

        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), owner);
        dialog.setTitle(I18n.t("casefile.features.title"));
        dialog.setHeaderText(file.getName());
        dialog.setGraphic(Icon.IMPORT_FEATURES.header());
        ButtonType importButton = new ButtonType(I18n.t("casefile.features.import"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, DialogButtons.cancel());
        dialog.getDialogPane().setContent(content);
        Button ok = (Button) dialog.getDialogPane().lookupButton(importButton);
        ok.setGraphic(Icon.IMPORT_FEATURES.graphic());
        ok.disableProperty().bind(vm.canImportProperty().not());
        vm.preview(file.toPath());
        dialog.showAndWait().filter(b -> b == importButton).ifPresent(b -> vm.importPreviewed(afterImport));
    }

    private static TableColumn<ImportFeaturesViewModel.Row, String> column(String title,
            java.util.function.Function<ImportFeaturesViewModel.Row, String> value) {
        TableColumn<ImportFeaturesViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
