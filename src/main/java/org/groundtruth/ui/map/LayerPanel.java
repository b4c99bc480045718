package org.groundtruth.ui.map;

import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Layer panel: each layer with visibility, opacity, up/down and remove; buttons to add imagery files, an online
 * XYZ service, and to save the visible area of an online layer for offline use. The top row is drawn on top.
 */
final class LayerPanel extends VBox {
    private final MapViewModel vm;
    private final ListView<MapLayer> list = new ListView<>();
    private final Supplier<Optional<Window>> window;

    LayerPanel(MapViewModel vm, Supplier<Optional<Window>> window) {
        this.vm = vm;
        this.window = window;
        getStyleClass().add("map-layer-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(280);
        Label title = new Label(I18n.t("map.layers"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        list.setId("map-layer-list");
        list.setCellFactory(v -> new LayerCell());
        list.setPrefHeight(260);
        refreshList();
        vm.layers().addListener((javafx.collections.ListChangeListener<MapLayer>) c -> refreshList());
        VBox.setVgrow(list, Priority.ALWAYS);

        Button addFile = new Button(I18n.t("map.addFile"), Icon.ADD_IMAGERY_FILE.graphic());
        addFile.setId("map-add-imagery");
        addFile.setMaxWidth(Double.MAX_VALUE);
        addFile.setTooltip(new Tooltip(I18n.t("map.addFileTip")));
        addFile.setOnAction(e -> chooseImagery());
        Button addOnline = new Button(I18n.t("map.addOnline"), Icon.ADD_ONLINE_LAYER.graphic());
        addOnline.setId("map-add-xyz");
        addOnline.setMaxWidth(Double.MAX_VALUE);
        addOnline.setTooltip(new Tooltip(I18n.t("map.addOnlineTip")));
        addOnline.setOnAction(e -> XyzDialogs.askForService(window.get()).ifPresent(
                service -> vm.addXyz(service.template(), service.attribution(), service.maxZoom())));
        Button saveOffline = new Button(I18n.t("map.saveOffline"), Icon.SAVE_AREA.graphic());
        saveOffline.setId("map-save-offline");
        saveOffline.setMaxWidth(Double.MAX_VALUE);
        saveOffline.setOnAction(e -> XyzDialogs.saveVisibleArea(vm, window.get()));
        saveOffline.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.layers().stream().noneMatch(l -> l.source() instanceof org.groundtruth.map.imagery.XyzTileSource),
                vm.layers()));
        Button addOfflineMap = new Button(I18n.t("map.addOfflineMap"), Icon.ADD_IMAGERY_FILE.graphic());
        addOfflineMap.setId("map-add-offline-map");
        addOfflineMap.setMaxWidth(Double.MAX_VALUE);
        addOfflineMap.setOnAction(e -> OfflineMapDialog.show(vm, window.get()));
        getChildren().addAll(title, list, addFile, addOfflineMap, addOnline, saveOffline, overlays(), legend());
    }

    /** Layers drawn from the investigation's own numbers rather than from tiles. */
    private VBox overlays() {
        Label heading = new Label(I18n.t("map.overlays"));
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
        RegionChoropleth regions = vm.choropleth();
        CheckBox shown = new CheckBox(I18n.t("map.regionsLayer"));
        shown.setId("map-regions-toggle");
        shown.selectedProperty().bindBidirectional(regions.visibleProperty());
        shown.setTooltip(new Tooltip(I18n.t("map.regionsLayerTip")));
        Slider opacity = new Slider(0.1, 1, regions.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(regions.opacityProperty());
        opacity.setTooltip(new Tooltip(I18n.t("map.opacity")));
        opacity.disableProperty().bind(shown.selectedProperty().not());
        Label opacityLabel = new Label(I18n.t("map.opacity"));
        opacityLabel.setStyle("-fx-font-size: 10px; -fx-text-fill: #666;");
        HBox opacityRow = new HBox(6, opacityLabel, opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(opacity, Priority.ALWAYS);
        return new VBox(3, heading, shown, opacityRow);
    }

    /** What the marker colours mean, in the order of the verification workflow. */
    private static VBox legend() {
        Label heading = new Label(I18n.t("map.markers"));
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
        VBox legend = new VBox(3, heading);
        legend.setId("map-legend");
        for (var status : org.groundtruth.core.verify.VerificationStatus.values()) {
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(6, MapColors.of(status));
            dot.setStroke(javafx.scene.paint.Color.WHITE);
            dot.setStrokeWidth(1.5);
            Label label = new Label(I18n.label(status), dot);
            label.setGraphicTextGap(8);
            legend.getChildren().add(label);
        }
        Label clusters = new Label(I18n.t("map.clustersHint"));
        clusters.setWrapText(true);
        clusters.setStyle("-fx-font-size: 10px; -fx-text-fill: #666;");
        legend.getChildren().add(clusters);
        return legend;
    }

    private void refreshList() {
        List<MapLayer> topFirst = new java.util.ArrayList<>(vm.layers());
        java.util.Collections.reverse(topFirst);
        list.getItems().setAll(topFirst);
    }

    private void chooseImagery() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("map.addLayerTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("map.imageryFilter"), "*.mbtiles", "*.gpkg", "*.tif", "*.tiff"),
                new FileChooser.ExtensionFilter(I18n.t("map.allFiles"), "*.*"));
        var file = chooser.showOpenDialog(window.get().orElse(null));
        if (file != null) {
            vm.addImagery(Path.of(file.getAbsolutePath()));
        }
    }

    private final class LayerCell extends ListCell<MapLayer> {
        @Override
        protected void updateItem(MapLayer layer, boolean empty) {
            super.updateItem(layer, empty);
            if (empty || layer == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            CheckBox visible = new CheckBox(layer.name());
            visible.selectedProperty().bindBidirectional(layer.visibleProperty());
            visible.setMaxWidth(170);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button up = small("▲", I18n.t("map.layerUp"), () -> vm.moveLayer(layer, true));
            Button down = small("▼", I18n.t("map.layerDown"), () -> vm.moveLayer(layer, false));
            Button zoom = small("⤢", I18n.t("map.layerZoom"), () -> vm.zoomToLayer(layer));
            Button remove = small("✕", layer.isBasemap() ? I18n.t("map.basemapHide") : I18n.t("map.layerRemove"),
                    () -> vm.removeLayer(layer));
            remove.setDisable(layer.isBasemap());
            int index = vm.layers().indexOf(layer);
            up.setDisable(index == vm.layers().size() - 1);
            down.setDisable(index <= 0);
            HBox top = new HBox(4, visible, spacer, up, down, zoom, remove);
            top.setAlignment(Pos.CENTER_LEFT);
            Slider opacity = new Slider(0, 1, layer.opacityProperty().get());
            opacity.valueProperty().bindBidirectional(layer.opacityProperty());
            opacity.setTooltip(new Tooltip(I18n.t("map.opacity")));
            Label opacityLabel = new Label(I18n.t("map.opacity"));
            opacityLabel.setStyle("-fx-font-size: 10px; -fx-text-fill: #666;");
            HBox bottom = new HBox(6, opacityLabel, opacity);
            bottom.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(opacity, Priority.ALWAYS);
            VBox box = new VBox(2, top, bottom);
            setGraphic(box);
            setText(null);
        }

        private Button small(String text, String tip, Runnable action) {
            Button b = new Button(text);
            b.setTooltip(new Tooltip(tip));
            b.setStyle("-fx-padding: 1 5 1 5; -fx-font-size: 10px;");
            b.setOnAction(e -> action.run());
            return b;
        }
    }
}
