package org.groundtruth.ui.verify;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.ui.common.I18n;

/** The incident's red flags: kind, evidence, what was found, and the explanation (or "unexplained"). */
public final class RedFlagsView extends BorderPane {
    public RedFlagsView(RedFlagsViewModel vm) {
        setId("red-flags");
        TableView<CheckedFlag> table = new TableView<>(vm.flags());
        table.setId("red-flag-table");
        table.setPlaceholder(new Label(I18n.t("flags.none")));
        table.getColumns().add(column("flags.kind", 150, f -> I18n.t("RedFlagKind." + f.flag().kind().code())));
        table.getColumns().add(column("flags.evidence", 110, f -> f.flag().evidenceId()));
        table.getColumns().add(column("flags.detail", 380, f -> f.flag().detail()));
        table.getColumns().add(column("flags.explanation", 220, f -> f.explanation()
                .map(e -> e.rationale() + " — " + e.analyst())
                .orElse(f.flag().kind().blocking() ? I18n.t("flags.unexplained") : I18n.t("flags.information"))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CheckedFlag item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("red-flag-open");
                if (!empty && item != null && item.blocksVerification()) {
                    getStyleClass().add("red-flag-open");
                }
            }
        });
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        TextField rationale = new TextField();
        rationale.setId("red-flag-rationale");
        rationale.setPromptText(I18n.t("flags.rationale"));
        rationale.setTooltip(new javafx.scene.control.Tooltip(I18n.t("flags.rationaleTip")));
        org.groundtruth.ui.common.WholePrompt.keep(rationale, 0);
        HBox.setHgrow(rationale, Priority.ALWAYS);
        Button explain = new Button(I18n.t("flags.explain"));
        explain.setId("red-flag-explain");
        explain.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        explain.setOnAction(e -> {
            vm.explainSelected(rationale.getText());
            rationale.clear();
        });
        Button refresh = new Button(I18n.t("flags.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Label message = new Label();
        message.setId("red-flag-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        HBox actions = new HBox(6, rationale, explain, refresh);
        VBox bottom = new VBox(4, actions, message);
        bottom.setPadding(new Insets(6));
        setCenter(table);
        setBottom(bottom);
    }

    private static TableColumn<CheckedFlag, String> column(String key, double width, Function<CheckedFlag, String> value) {
        TableColumn<CheckedFlag, String> column = new TableColumn<>(I18n.t(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
