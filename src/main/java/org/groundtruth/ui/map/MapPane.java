package org.groundtruth.ui.map;

import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.search.SearchHit;

/**
 * The map as one self-contained node for the main window: tool bar (place search, go-to coordinates,
 * measure, zoom to selection, layers), the map canvas, the layer panel, and a status line with the cursor
 * position in decimal, DMS and MGRS.
 *
 * <p>Wiring: {@code showIncidents(list)} whenever the incident list changes, bind the selection both ways with
 * {@link #selectedIncidentProperty()}, {@code showPins(pins)} for the selected incident's pins.
 */
public final class MapPane extends BorderPane {
    private final MapViewModel vm;
    private final MapCanvas canvas;
    private final LayerPanel layerPanel;
    private final TextField search = new TextField();
    private final ContextMenu searchPopup = new ContextMenu();

    public MapPane(MapViewModel vm) {
        this.vm = vm;
        getStyleClass().add("map-pane");
        canvas = new MapCanvas(vm);
        layerPanel = new LayerPanel(vm, this::window);
        layerPanel.setVisible(false);
        layerPanel.setManaged(false);
        // The shown evidence item's track or photo position: a strip under the tool bar, not over the map.
        setTop(new javafx.scene.layout.VBox(toolBar(), new FlightPanel(vm.flight())));
        ChoroplethLegend legend = new ChoroplethLegend(vm.choropleth());
        javafx.scene.layout.StackPane surface = new javafx.scene.layout.StackPane(canvas, legend);
        javafx.scene.layout.StackPane.setAlignment(legend, Pos.TOP_LEFT);
        javafx.scene.layout.StackPane.setMargin(legend, new Insets(10));
        setCenter(surface);
        setRight(layerPanel);
        setBottom(statusLine());
        vm.searchResults().addListener((javafx.collections.ListChangeListener<SearchHit>) c -> showSearchResults());
    }

    public MapViewModel viewModel() {
        return vm;
    }

    public void showIncidents(List<Incident> incidents) {
        vm.showIncidents(incidents);
    }

    public void showPins(List<GeolocationPin> pins) {
        vm.showPins(pins);
    }

    public javafx.beans.property.ObjectProperty<Optional<Incident>> selectedIncidentProperty() {
        return vm.selectedIncidentProperty();
    }

    MapCanvas canvas() {
        return canvas;
    }

    private HBox toolBar() {
        search.setId("map-search");
        search.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> I18n.t(
                vm.gazetteerReadyProperty().get() ? "map.search"
                : vm.mapsLoadingProperty().get() ? "map.searchOpening" : "map.searchUnavailable"),
                vm.gazetteerReadyProperty(), vm.mapsLoadingProperty()));
        search.disableProperty().bind(vm.gazetteerReadyProperty().not());
        search.setPrefColumnCount(14);
        org.groundtruth.ui.common.WholePrompt.keep(search, 132);
        search.setTooltip(new Tooltip(I18n.t("map.searchTip")));
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setOnAction(e -> vm.search(search.getText()));
        search.textProperty().addListener((o, was, now) -> {
            if (now.strip().length() >= 2) {
                vm.search(now);
            } else {
                searchPopup.hide();
            }
        });
        TextField goTo = new TextField();
        goTo.setId("map-goto");
        goTo.setPromptText(I18n.t("map.goto"));
        goTo.setPrefColumnCount(18);
        org.groundtruth.ui.common.WholePrompt.keep(goTo, 144);
        goTo.setTooltip(new Tooltip(I18n.t("map.gotoExample") + "\n" + I18n.t("map.gotoTip")));
        HBox.setHgrow(goTo, Priority.SOMETIMES);
        goTo.setOnAction(e -> {
            if (vm.goTo(goTo.getText())) {
                canvas.requestFocus();
            }
        });
        // Tools are icons with tooltips: in a narrow middle column the search fields need the width.
        ToggleButton measure = new ToggleButton(null, Icon.MEASURE.graphic());
        measure.setId("map-measure");
        measure.setAccessibleText(I18n.t("map.measure"));
        measure.setTooltip(new Tooltip(I18n.t("map.measureTip")));
        measure.selectedProperty().bindBidirectional(vm.measuringProperty());
        measure.selectedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.clearMeasurement();
            }
        });
        Button zoomToSelection = new Button(null, Icon.ZOOM_TO_SELECTION.graphic());
        zoomToSelection.setTooltip(new Tooltip(I18n.t("map.zoomToTip")));
        zoomToSelection.setId("map-zoom-selection");
        zoomToSelection.setAccessibleText(I18n.t("map.zoomTo"));
        zoomToSelection.setOnAction(e -> vm.zoomToSelection());
        zoomToSelection.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedIncidentProperty().get().flatMap(Incident::location).isEmpty() && vm.pins().isEmpty(),
                vm.selectedIncidentProperty(), vm.pins()));
        Button zoomIn = new Button(null, Icon.ZOOM_IN.graphic());
        zoomIn.setAccessibleText(I18n.t("map.zoomIn"));
        zoomIn.setTooltip(new Tooltip(I18n.t("map.zoomIn")));
        zoomIn.setOnAction(e -> vm.viewportProperty().set(vm.viewportProperty().get().withZoom(
                Math.min(MapViewport.MAX_ZOOM, vm.viewportProperty().get().zoom() + 1))));
        Button zoomOut = new Button(null, Icon.ZOOM_OUT.graphic());
        zoomOut.setAccessibleText(I18n.t("map.zoomOut"));
        zoomOut.setTooltip(new Tooltip(I18n.t("map.zoomOut")));
        zoomOut.setOnAction(e -> vm.viewportProperty().set(vm.viewportProperty().get().withZoom(
                Math.max(MapViewport.MIN_ZOOM, vm.viewportProperty().get().zoom() - 1))));
        ToggleButton layers = new ToggleButton(null, Icon.LAYERS.graphic());
        layers.setId("map-layers");
        layers.setAccessibleText(I18n.t("map.layers"));
        layers.setTooltip(new Tooltip(I18n.t("map.layers")));
        layers.selectedProperty().addListener((o, was, now) -> {
            layerPanel.setVisible(now);
            layerPanel.setManaged(now);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, search, goTo, new Separator(javafx.geometry.Orientation.VERTICAL), measure, zoomToSelection,
                zoomIn, zoomOut, spacer, layers);
        // Buttons keep their labels; the two text fields give up width first when the column is narrow.
        for (var node : List.of(measure, zoomToSelection, zoomIn, zoomOut, layers)) {
            node.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 8, 5, 8));
        bar.getStyleClass().add("map-toolbar");
        return bar;
    }

    private HBox statusLine() {
        Label cursor = new Label();
        cursor.setId("map-cursor");
        cursor.textProperty().bind(vm.cursorTextProperty());
        cursor.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        Label measureResult = new Label();
        measureResult.setId("map-measure-result");
        measureResult.textProperty().bind(vm.measureTextProperty());
        measureResult.setStyle("-fx-font-weight: bold;");
        Button copy = new Button(I18n.t("map.copy"), Icon.COPY.graphic());
        copy.setId("map-measure-copy");
        copy.setTooltip(new Tooltip(I18n.t("map.copyTip")));
        copy.visibleProperty().bind(vm.measureTextProperty().isNotEmpty());
        copy.managedProperty().bind(copy.visibleProperty());
        copy.setOnAction(e -> vm.measurement().ifPresent(m -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(m.toClipboardText());
            Clipboard.getSystemClipboard().setContent(content);
        }));
        Label message = new Label();
        message.setId("map-message");
        message.textProperty().bind(vm.messageProperty());
        message.setStyle("-fx-text-fill: #7a4b00;");
        Button cancelSave = new Button(I18n.t("map.cancelSave"), Icon.CANCEL.graphic());
        cancelSave.setId("map-cancel-save");
        cancelSave.visibleProperty().bind(vm.savingProperty());
        cancelSave.managedProperty().bind(cancelSave.visibleProperty());
        cancelSave.setOnAction(e -> vm.cancelSave());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(10, cursor, measureResult, copy, spacer, message, cancelSave);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(3, 8, 3, 8));
        line.getStyleClass().add("map-status");
        return line;
    }

    private void showSearchResults() {
        searchPopup.getItems().clear();
        for (SearchHit hit : vm.searchResults()) {
            Label label = new Label(MapViewModel.describe(hit));
            label.setPrefWidth(460);
            CustomMenuItem item = new CustomMenuItem(label, true);
            item.setOnAction(e -> {
                vm.showPlace(hit);
                searchPopup.hide();
                canvas.requestFocus();
            });
            searchPopup.getItems().add(item);
        }
        if (!searchPopup.getItems().isEmpty() && search.getScene() != null && search.isFocused()) {
            searchPopup.show(search, Side.BOTTOM, 0, 0);
        } else if (searchPopup.getItems().isEmpty()) {
            searchPopup.hide();
        }
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !vm.searchResults().isEmpty()) {
                searchPopup.show(search, Side.BOTTOM, 0, 0);
            }
        });
    }

    private Optional<Window> window() {
        return Optional.ofNullable(getScene()).map(javafx.scene.Scene::getWindow);
    }
}
