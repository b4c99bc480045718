package org.groundtruth.ui.map;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** The map's note on the shown evidence item: the caption, the field of view to give, and "Suggest pin". */
final class FlightPanel extends VBox {
    FlightPanel(FlightLayer flight) {
        super(6);
        setId("flight-panel");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxWidth(360);
        setStyle("-fx-background-color: rgba(255,255,255,0.93); -fx-background-radius: 6; -fx-padding: 8;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 6, 0, 0, 1);");
        Label caption = new Label();
        caption.setId("flight-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(344);
        caption.setStyle("-fx-text-fill: #111827; -fx-font-size: 11.5px;");
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
        HBox actions = new HBox(6, fov, suggest);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.visibleProperty().bind(fov.visibleProperty().or(suggest.visibleProperty()));
        actions.managedProperty().bind(actions.visibleProperty());
        getChildren().addAll(caption, actions);
        visibleProperty().bind(flight.captionProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        setPickOnBounds(false);
    }
}
