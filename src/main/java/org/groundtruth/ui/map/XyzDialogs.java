package org.groundtruth.ui.map;

import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.imagery.OfflineArea;
import org.groundtruth.map.imagery.XyzTileSource;

/** Small dialogs for online tiles: adding a service, and saving the visible area of one into MBTiles. */
final class XyzDialogs {
    record Service(String template, String attribution, int maxZoom) {
    }

    private XyzDialogs() {
    }

    static Optional<Service> askForService(Optional<Window> owner) {
        Dialog<Service> dialog = Dialogs.own(new Dialog<>(), owner.orElse(null));
        dialog.setTitle(I18n.t("map.xyzTitle"));
        dialog.setHeaderText(I18n.t("map.xyzHeader"));
        dialog.setGraphic(Icon.ADD_ONLINE_LAYER.header());
        TextField url = new TextField();
        url.setPromptText("https://tile.example.org/{z}/{x}/{y}.png");
        url.setPrefColumnCount(36);
        TextField attribution = new TextField();
        attribution.setPromptText(I18n.t("map.xyzAttributionPrompt"));
        Spinner<Integer> maxZoom = new Spinner<>(0, 19, 18);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(I18n.t("map.xyzUrl")), url);
        grid.addRow(1, new Label(I18n.t("map.xyzAttribution")), attribution);
        grid.addRow(2, new Label(I18n.t("map.xyzMaxZoom")), maxZoom);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(DialogButtons.ok(), DialogButtons.cancel());
        dialog.setResultConverter(button -> DialogButtons.confirms(button)
                ? new Service(url.getText(), attribution.getText(), maxZoom.getValue()) : null);
        return dialog.showAndWait();
    }

    /**
     * Which zoom levels to save, from the current one up to three more by default, with the tile count shown as
     * the range changes; OK is refused past the tile limit (an area too big for one save).
     */
    private static Optional<int[]> askZoomRange(MapViewModel vm, GeoBox box, int zoom, int sourceMax,
            Optional<Window> owner) {
        Dialog<int[]> dialog = Dialogs.own(new Dialog<>(), owner.orElse(null));
        dialog.setTitle(I18n.t("map.saveHeader"));
        dialog.setHeaderText(I18n.t("map.saveHeader"));
        dialog.setGraphic(Icon.SAVE_AREA.header());
        Spinner<Integer> from = new Spinner<>(0, sourceMax, Math.min(zoom, sourceMax));
        Spinner<Integer> to = new Spinner<>(0, sourceMax, Math.min(sourceMax, zoom + 3));
        Label estimate = new Label();
        estimate.setWrapText(true);
        estimate.setPrefWidth(420);
        estimate.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(I18n.t("map.saveFrom")), from);
        grid.addRow(1, new Label(I18n.t("map.saveTo")), to);
        grid.add(estimate, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefSize(500, 300);
        dialog.getDialogPane().getButtonTypes().addAll(DialogButtons.ok(), DialogButtons.cancel());
        var ok = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        Runnable update = () -> {
            int low = Math.min(from.getValue(), to.getValue());
            int high = Math.max(from.getValue(), to.getValue());
            long tiles = vm.estimateOfflineTiles(box, low, high);
            estimate.setText(String.format(Locale.ROOT, I18n.t("map.saveConfirm"), low, high, tiles,
                    OfflineArea.DEFAULT_TILE_LIMIT));
            ok.setDisable(tiles > OfflineArea.DEFAULT_TILE_LIMIT);
        };
        from.valueProperty().addListener((o, was, now) -> update.run());
        to.valueProperty().addListener((o, was, now) -> update.run());
        update.run();
        dialog.setResultConverter(button -> DialogButtons.confirms(button) ? new int[] {
            Math.min(from.getValue(), to.getValue()), Math.max(from.getValue(), to.getValue())} : null);
        return dialog.showAndWait();
    }

    static void saveVisibleArea(MapViewModel vm, Optional<Window> owner) {
        var online = vm.layers().stream().filter(l -> l.source() instanceof XyzTileSource).toList();
        if (online.isEmpty()) {
            return;
        }
        MapLayer chosen = online.size() == 1 ? online.get(0)
                : Dialogs.choice(owner.orElse(null), online.get(online.size() - 1), online).showAndWait().orElse(null);
        if (chosen == null) {
            return;
        }
        XyzTileSource source = (XyzTileSource) chosen.source();
        MapViewport viewport = vm.viewportProperty().get();
        GeoBox box = viewport.visibleBox();
        Optional<int[]> range = askZoomRange(vm, box, viewport.zoom(), source.maxZoom(), owner);
        if (range.isEmpty()) {
            return;
        }
        int minZoom = range.get()[0];
        int maxZoom = range.get()[1];
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(source.name().replaceAll("[^A-Za-z0-9.-]", "_") + "-offline.mbtiles");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MBTiles", "*.mbtiles"));
        var file = chooser.showSaveDialog(owner.orElse(null));
        if (file != null) {
            vm.saveOffline(source, box, minZoom, maxZoom, Path.of(file.getAbsolutePath()), OfflineArea.DEFAULT_TILE_LIMIT);
        }
    }
}
