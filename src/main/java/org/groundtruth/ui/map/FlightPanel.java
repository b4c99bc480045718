package org.groundtruth.ui.map;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * The map's note on the shown evidence item: the caption, the order of old DJI GPS(a,b) lines (automatic, latitude
 * first, longitude first) with the rule that decided it, the field of view to give, and "Suggest pin".
 */
final class FlightPanel extends HBox {
    FlightPanel(FlightLayer flight) {
        super(8);
        setId("flight-panel");
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-background-color: #FFF8E6; -fx-border-color: #E8590C; -fx-border-width: 0 0 0 4; -fx-padding: 4 8 4 8;");
        Label caption = new Label();
        caption.setId("flight-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, javafx.scene.layout.Priority.ALWAYS);
        caption.setStyle("-fx-text-fill: #111827; -fx-font-size: 11px;");
        caption.textProperty().bind(flight.captionProperty());
        TextField fov = new TextField();
        fov.setId("flight-fov");
        fov.setPromptText(I18n.t("flight.fovPrompt"));
        fov.setTooltip(new Tooltip(I18n.t("flight.fovTip")));
        fov.setPrefColumnCount(6);
        fov.visibleProperty().bind(flight.needsFieldOfViewProperty());
        fov.managedProperty().bind(fov.visibleProperty());
        fov.setOnAction(e -> {
            try {
                double degrees = Double.parseDouble(fov.getText().strip().replace(',', '.').replace("°", ""));
                if (degrees > 0.1 && degrees < 179) {
                    flight.fieldOfView(degrees);
                    fov.clear();
                    return;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            flight.captionProperty().set(I18n.t("flight.badFov", fov.getText().strip()));
        });
        Button suggest = new Button(I18n.t("flight.suggestPin"), Icon.SUGGEST_PIN.graphic());
        suggest.setId("flight-suggest-pin");
        suggest.setTooltip(new Tooltip(I18n.t("flight.suggestPinTip")));
        suggest.visibleProperty().bind(flight.canSuggestPinProperty());
        suggest.managedProperty().bind(suggest.visibleProperty());
        suggest.setOnAction(e -> flight.suggestPin());
        suggest.setMinWidth(USE_PREF_SIZE);
        fov.setMinWidth(USE_PREF_SIZE);
        Label rule = new Label();
        rule.setId("flight-order-rule");
        rule.setStyle("-fx-text-fill: #111827; -fx-font-size: 11px;");
        rule.textProperty().bind(flight.orderRuleProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(flight.orderReasonProperty());
        why.setWrapText(true);
        why.setMaxWidth(520);
        rule.setTooltip(why);
        ComboBox<OrderChoice> order = new ComboBox<>();
        order.setId("flight-order");
        order.getItems().setAll(OrderChoice.values());
        order.setCellFactory(list -> new ChoiceCell());
        order.setButtonCell(new ChoiceCell());
        order.setTooltip(new Tooltip(I18n.t("flight.orderTip")));
        order.setValue(flight.orderChoiceProperty().get());
        flight.orderChoiceProperty().addListener((o, was, now) -> order.setValue(now));
        order.setOnAction(e -> {
            flight.chooseOrder(order.getValue());
            // shows the recorded choice until the new one is recorded (or again, when recording it failed)
            order.setValue(flight.orderChoiceProperty().get());
        });
        for (var node : java.util.List.of(rule, order)) {
            node.visibleProperty().bind(flight.canChooseOrderProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        order.setMinWidth(USE_PREF_SIZE);
        rule.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(caption, rule, order, fov, suggest);
        visibleProperty().bind(flight.captionProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    private static final class ChoiceCell extends ListCell<OrderChoice> {
        @Override
        protected void updateItem(OrderChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : I18n.t("flight.order." + item.code()));
        }
    }
}
