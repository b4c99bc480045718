package org.groundtruth.ui.evidence;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.ui.common.Icon;

/** The normalized summary with "Suggest pin", the reader's warnings, and every raw tag in a searchable table. */
final class MetadataView extends VBox {
    private final MetadataViewModel vm;
    private final GridPane grid = new GridPane();

    MetadataView(MetadataViewModel vm) {
        this.vm = vm;
        grid.getStyleClass().add("summary-grid");
        grid.setId("metadata-summary");
        vm.summary().addListener((ListChangeListener<MetadataViewModel.SummaryRow>) c -> rebuildSummary());

        Label warnings = new Label();
        warnings.setId("metadata-warnings");
        warnings.getStyleClass().add("evidence-warning");
        warnings.textProperty().bind(vm.warningsProperty());
        warnings.visibleProperty().bind(vm.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());
        warnings.setStyle("-fx-padding: 0 10 4 10;");
        warnings.setMaxWidth(Double.MAX_VALUE);

        TextField search = new TextField();
        search.setId("metadata-search");
        search.setPromptText(EvidenceText.t("meta.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("muted-note");
        count.textProperty().bind(vm.countLabelProperty());
        HBox searchRow = new HBox(8, search, count);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        searchRow.setStyle("-fx-padding: 4 10 4 10;");

        TableView<MetadataTag> table = new TableView<>(vm.filteredTags());
        table.setId("metadata-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(EvidenceText.t("meta.group"), 140, MetadataTag::group));
        table.getColumns().add(column(EvidenceText.t("meta.tag"), 200, MetadataTag::name));
        table.getColumns().add(column(EvidenceText.t("meta.value"), 320, MetadataTag::value));
        table.setPlaceholder(new Label(EvidenceText.t("meta.none")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.getStyleClass().add("evidence-message");
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());

        // summary on the left, the raw tags beside it: the panel is wider than it is tall below the viewer
        VBox left = new VBox(grid, warnings, message);
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        VBox right = new VBox(searchRow, table);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(leftScroll, right);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
    }

    private static TableColumn<MetadataTag, String> column(String title, double width,
            java.util.function.Function<MetadataTag, String> value) {
        TableColumn<MetadataTag, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private void rebuildSummary() {
        grid.getChildren().clear();
        int row = 0;
        for (MetadataViewModel.SummaryRow r : vm.summary()) {
            Label label = new Label(r.label());
            label.getStyleClass().add("summary-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(r.value());
            value.getStyleClass().add("summary-value");
            value.setTooltip(new Tooltip(r.value()));
            value.setWrapText(true); // GPS, times, speeds and hashes whole on a small screen, on more lines if need be
            grid.add(label, 0, row);
            if (r.label().equals(EvidenceText.t("meta.gps")) && vm.gpsProperty().get() != null) {
                Button pin = new Button(EvidenceText.t("meta.suggestPin"), Icon.SUGGEST_PIN.graphic());
                pin.setId("suggest-pin");
                pin.setTooltip(new Tooltip(EvidenceText.t("meta.suggestPinTip")));
                pin.getStyleClass().add("small");
                pin.setOnAction(e -> suggestPin());
                pin.setMinWidth(Region.USE_PREF_SIZE); // the coordinates may shorten, the action may not
                HBox box = new HBox(10, value, pin);
                box.setAlignment(Pos.CENTER_LEFT);
                grid.add(box, 1, row);
            } else {
                grid.add(value, 1, row);
            }
            row++;
        }
    }

    /** To the map when connected; otherwise the coordinates go to the clipboard, so the button always does something. */
    private void suggestPin() {
        if (!vm.suggestPin() && vm.gpsProperty().get() != null) {
            String text = MetadataViewModel.coordinates(vm.gpsProperty().get());
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            vm.messageProperty().set(EvidenceText.t("meta.pinCopied", text));
        }
    }
}
