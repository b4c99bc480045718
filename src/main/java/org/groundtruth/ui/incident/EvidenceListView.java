package org.groundtruth.ui.incident;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import org.groundtruth.ui.common.UnitText;

/** The selected incident's evidence table; import by button (Ctrl+I) or by dropping files on it. */
public final class EvidenceListView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final EvidenceListViewModel vm;

    public EvidenceListView(EvidenceListViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));

        TableView<EvidenceItem> table = new TableView<>(vm.items());
        table.setId("evidence-table");
        Label empty = new Label(I18n.t("evidence.empty"));
        empty.setWrapText(true); // the Ukrainian hint is longer than a 1366-pixel screen's details column
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        empty.setPadding(new javafx.geometry.Insets(0, 12, 0, 12));
        table.setPlaceholder(empty);
        table.getColumns().add(column("evidence.name", 220, e -> e.originalName()));
        table.getColumns().add(column("evidence.kind", 80, e -> I18n.label(e.kind())));
        table.getColumns().add(column("evidence.mediaType", 120, EvidenceItem::mediaType));
        table.getColumns().add(column("evidence.size", 90, e -> UnitText.bytes(e.sizeBytes())));
        table.getColumns().add(column("evidence.sha256", 150, e -> e.sha256().hex().substring(0, 16) + "\u2026"));
        table.getColumns().add(column("evidence.collected", 140,
                e -> TIME.format(e.collectedAt().atOffset(ZoneOffset.UTC)) + " \u00b7 " + e.collectedBy()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || !vm.isReloading()) {
                vm.selectedProperty().set(now);
            }
        });
        // The ViewModel keeps the selection over a reload (or restores a remembered one): show it in the table.
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        table.setOnDragOver(this::acceptFiles);
        table.setOnDragDropped(this::dropFiles);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button importButton = new Button(I18n.t("evidence.import"), Icon.IMPORT_EVIDENCE.graphic());
        importButton.setId("import-evidence");
        importButton.disableProperty().bind(vm.incidentProperty().isNull().or(vm.importingProperty())
                .or(vm.readOnlyProperty()));
        importButton.setOnAction(e -> chooseAndImport());
        Button cancel = new Button(I18n.t("action.cancel"), Icon.CANCEL.graphic());
        cancel.visibleProperty().bind(vm.importingProperty());
        cancel.managedProperty().bind(vm.importingProperty());
        cancel.setOnAction(e -> vm.cancelImport());
        Label hint = new Label(I18n.t("evidence.dropHint"));
        hint.getStyleClass().add("muted");
        Label message = new Label();
        message.setId("evidence-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(8, importButton, cancel, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(actions, table, message);
    }

    /** Opens the file chooser (also bound to Ctrl+I by the main window). */
    public void chooseAndImport() {
        if (vm.incidentProperty().get() == null) {
            vm.messageProperty().set(I18n.t("evidence.selectIncidentFirst"));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("evidence.chooserTitle"));
        List<File> files = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            vm.importFiles(files.stream().map(File::toPath).toList());
        }
    }

    private void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles() && vm.incidentProperty().get() != null) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropFiles(DragEvent event) {
        List<Path> files = event.getDragboard().hasFiles()
                ? event.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
        if (!files.isEmpty()) {
            vm.importFiles(files);
        }
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    private static TableColumn<EvidenceItem, String> column(String key, double width,
            java.util.function.Function<EvidenceItem, String> value) {
        TableColumn<EvidenceItem, String> column = new TableColumn<>(I18n.t(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
