package org.groundtruth.ui.geolocate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.evidence.EvidencePane;
import org.groundtruth.ui.map.MapLayer;
import org.groundtruth.ui.map.MapPane;
import org.groundtruth.ui.map.MapViewModel;
import org.groundtruth.ui.map.MapViewport;

/**
 * Connects "Find on map…" in the evidence panel to the map: the reference layers are the map's imagery files, the
 * "current view" area is the map's visible box, footprints are drawn as map outlines, the selected candidate is
 * brought into view, and an accepted pin appears on the map at once.
 * <p>Wiring (main window): {@code FindOnMap.connect(evidencePane, map, runner, investigation, analyst, incident,
 * showMap, onAccepted)}.
 */
public final class FindOnMap {
    private FindOnMap() {
    }

    /**
     * @param incident   the incident whose evidence is shown (an accepted pin belongs to it)
     * @param showMap    brings the map into sight (selects its tab)
     * @param onAccepted told of each pin Accept creates (the verification tab refreshes)
     */
    public static FindOnMapViewModel connect(EvidencePane evidence, MapPane map, Background background,
            Supplier<Optional<Investigation>> investigation, Supplier<String> analyst, Supplier<Optional<String>> incident,
            Runnable showMap, Consumer<GeolocationPin> onAccepted) {
        MapViewModel mapVm = map.viewModel();
        FindOnMapViewModel vm = new FindOnMapViewModel(background, Platform::runLater, investigation, analyst, incident);
        vm.setReferenceSource(() -> references(mapVm));
        vm.setTelemetrySource(new FrameTelemetry(investigation));
        vm.setCurrentView(() -> currentView(mapVm.viewportProperty().get()));
        vm.setOverlay(outlines -> mapVm.outlines().setAll(outlines));
        vm.setShower(candidate -> {
            showMap.run();
            mapVm.viewportProperty().set(around(mapVm.viewportProperty().get(), candidate));
        });
        vm.setOnAccepted(pin -> {
            if (mapVm.selectedIncidentProperty().get().filter(i -> i.id().equals(pin.incidentId())).isPresent()) {
                mapVm.pins().add(pin);
            }
            onAccepted.accept(pin);
        });
        Runnable addLayer = () -> chooseImagery(map, mapVm, vm);
        evidence.setOnFindOnMap(frame -> {
            vm.open(new FindOnMapViewModel.FrameToLocate(frame.item(), frame.frameNumber(), frame.image()));
            showMap.run();
            Window owner = evidence.getScene() == null ? null : evidence.getScene().getWindow();
            FindOnMapView.show(owner, vm, addLayer);
        });
        return vm;
    }

    /** The map's imagery layers opened from files (GeoTIFF, MBTiles, GeoPackage), topmost first. */
    static List<FindOnMapViewModel.ReferenceChoice> references(MapViewModel map) {
        List<FindOnMapViewModel.ReferenceChoice> choices = new ArrayList<>();
        for (MapLayer layer : map.layers()) {
            Optional<Path> file = map.imageryFile(layer);
            file.ifPresent(f -> choices.add(0, new FindOnMapViewModel.ReferenceChoice(choiceName(layer.name(), f),
                    () -> ReferenceLayer.open(f), true)));
        }
        return choices;
    }

    /** The layer's name, and its file's when that says something more. */
    static String choiceName(String layerName, Path file) {
        String fileName = file.getFileName().toString();
        return layerName.equals(fileName) ? layerName : layerName + " — " + fileName;
    }

    static Optional<SearchArea> currentView(MapViewport viewport) {
        if (viewport.width() < 2 || viewport.height() < 2) {
            return Optional.empty();
        }
        GeoBox box = viewport.visibleBox();
        try {
            return Optional.of(new SearchArea(box.west(), box.south(), box.east(), box.north()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The viewport centred on the candidate, zoomed so its footprint fills about half the screen. */
    static MapViewport around(MapViewport viewport, MatchCandidate candidate) {
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        for (LatLon p : candidate.footprint()) {
            west = Math.min(west, p.lon());
            east = Math.max(east, p.lon());
            south = Math.min(south, p.lat());
            north = Math.max(north, p.lat());
        }
        double padLon = (east - west) / 2;
        double padLat = (north - south) / 2;
        GeoBox box = new GeoBox(Math.max(-180, west - padLon), Math.max(-85, south - padLat), Math.min(180, east + padLon),
                Math.min(85, north + padLat));
        return viewport.fit(box, MapViewport.MAX_ZOOM);
    }

    private static void chooseImagery(MapPane map, MapViewModel mapVm, FindOnMapViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("map.addLayerTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("map.imageryFilter"), "*.mbtiles", "*.gpkg", "*.tif", "*.tiff"),
                new FileChooser.ExtensionFilter(I18n.t("map.allFiles"), "*.*"));
        Window owner = map.getScene() == null ? null : map.getScene().getWindow();
        var file = chooser.showOpenDialog(owner);
        if (file != null) {
            mapVm.addImagery(Path.of(file.getAbsolutePath()), layer -> {
                vm.refreshReferences();
                String name = choiceName(layer.name(), Path.of(file.getAbsolutePath()));
                vm.references().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(vm.referenceProperty()::set);
            }, error -> mapVm.messageProperty().set(org.groundtruth.ui.common.Errors.message(error)));
        }
    }
}
