package org.groundtruth.ui.map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.groundtruth.ui.common.I18n;

/**
 * The legend of the incidents-per-region layer, over the map's top-left corner: title, the filter that produced
 * the numbers (the dashboard's own words), one swatch per class with its count range, and what is not on the map.
 */
final class ChoroplethLegend extends VBox {
    private static final double MAX_WIDTH = 300;

    ChoroplethLegend(RegionChoropleth layer) {
        setId("map-region-legend");
        setSpacing(3);
        setPadding(new Insets(8, 10, 8, 10));
        // As wide as its content (long filter lines wrap at MAX_WIDTH), so it covers as little of the map as it can.
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-background-radius: 6;"
                + " -fx-border-color: rgba(0,0,0,0.15); -fx-border-radius: 6;");
        visibleProperty().bind(layer.visibleProperty());
        managedProperty().bind(visibleProperty());
        layer.frameProperty().addListener((o, was, now) -> show(now));
        show(layer.frameProperty().get());
    }

    private void show(ChoroplethFrame frame) {
        getChildren().clear();
        Label title = new Label(I18n.t("map.regionsLayer"));
        title.setStyle("-fx-font-weight: bold; -fx-text-fill: #111827;");
        getChildren().add(title);
        if (!frame.filterText().isEmpty()) {
            getChildren().add(small(frame.filterText(), "map-region-legend-filter", "-fx-font-weight: bold;"));
        }
        for (ChoroplethClasses.CountClass c : frame.classes().classes()) {
            getChildren().add(row(c.colour(), I18n.t("map.legendClass", c.range())));
        }
        getChildren().add(row(Color.TRANSPARENT, I18n.t("map.legendZero")));
        if (!frame.summary().isEmpty()) {
            getChildren().add(small(frame.summary(), "map-region-legend-summary", ""));
        }
        frame.notOnMapText().ifPresent(text -> getChildren().add(small(text, "map-region-legend-missing",
                "-fx-text-fill: #9a3412; -fx-font-weight: bold;")));
    }

    private static Label row(Color colour, String text) {
        Rectangle swatch = new Rectangle(18, 12, colour.deriveColor(0, 1, 1, RegionChoropleth.DEFAULT_OPACITY + 0.2));
        swatch.setStroke(Color.web("#8c8c8c"));
        swatch.setStrokeWidth(0.8);
        Label label = new Label(text, swatch);
        label.setGraphicTextGap(8);
        label.setStyle("-fx-text-fill: #111827; -fx-font-size: 11px;");
        label.setAlignment(Pos.CENTER_LEFT);
        return label;
    }

    private static Label small(String text, String id, String style) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(MAX_WIDTH - 20);
        label.setMinHeight(USE_PREF_SIZE);
        label.setStyle("-fx-text-fill: #374151; -fx-font-size: 11px; " + style);
        return label;
    }
}
