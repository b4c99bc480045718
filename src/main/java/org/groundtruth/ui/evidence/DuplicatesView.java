package org.groundtruth.ui.evidence;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.ui.common.Icon;

/** Possible duplicates across the investigation; double-click a row (or "Open") to view the other item. */
final class DuplicatesView extends VBox {
    DuplicatesView(DuplicatesViewModel vm, Consumer<EvidenceItem> open) {
        Button compare = new Button(EvidenceText.t("dup.refresh"), Icon.REFRESH.graphic());
        compare.setId("duplicates-refresh");
        compare.setOnAction(e -> vm.refresh());
        compare.disableProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("duplicates-message");
        message.getStyleClass().add("muted-note");
        message.textProperty().bind(vm.messageProperty());
        HBox top = new HBox(10, compare, message);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setStyle("-fx-padding: 6 10 6 10;");

        TableView<DuplicatesViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("duplicates-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DuplicatesViewModel.Row, Integer> bits = new TableColumn<>(EvidenceText.t("dup.distance"));
        bits.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().distance()));
        bits.setPrefWidth(60);
        bits.setMaxWidth(90);
        TableColumn<DuplicatesViewModel.Row, String> first = new TableColumn<>(EvidenceText.t("dup.first"));
        first.setCellValueFactory(c -> new ReadOnlyStringWrapper(describe(c.getValue().first())));
        TableColumn<DuplicatesViewModel.Row, String> second = new TableColumn<>(EvidenceText.t("dup.second"));
        second.setCellValueFactory(c -> new ReadOnlyStringWrapper(describe(c.getValue().second())));
        table.getColumns().add(bits);
        table.getColumns().add(first);
        table.getColumns().add(second);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.messageProperty());
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<DuplicatesViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem().second());
                }
            });
            return row;
        });
        Button openFirst = new Button(EvidenceText.t("dup.openFirst"));
        openFirst.setId("duplicates-open-first");
        openFirst.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem().first()));
        Button openSecond = new Button(EvidenceText.t("dup.openSecond"));
        openSecond.setId("duplicates-open-second");
        openSecond.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem().second()));
        openFirst.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openSecond.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        HBox bottom = new HBox(8, openFirst, openSecond);
        bottom.setStyle("-fx-padding: 6 10 6 10;");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, table, bottom);
    }

    private static String describe(EvidenceItem item) {
        return item.originalName() + "  (" + item.kind().code() + ", " + item.id() + ")";
    }
}
