package org.groundtruth.ui.map;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Subscriptions;

/**
 * The map connected to the workbench: markers follow the incident list, selection stays in sync both ways,
 * the selected incident's geolocation pins are loaded in the background, online tiles are cached in the
 * open investigation's folder. One call from the main window: {@code addWorkArea(title, Icon.MAP, MapWorkArea.create(...))}.
 */
public final class MapWorkArea {
    static final String TILE_CACHE_DIR = "tile-cache";

    private MapWorkArea() {
    }

    /**
     * @param incidents the incident list the window shows (markers follow it)
     * @param listSelection the list's selection, {@code null} when none (JavaFX list convention)
     * @param investigation the open investigation, for pins and the tile cache
     */
    public static MapPane create(Background background, ObservableList<Incident> incidents,
            ObjectProperty<Incident> listSelection, Supplier<Optional<Investigation>> investigation) {
        return create(background, incidents, listSelection, investigation, new Subscriptions());
    }

    /**
     * As above; the listeners on {@code incidents} and {@code listSelection} and the map itself (tile threads,
     * open basemap and gazetteer) are released by {@code subscriptions.dispose()}.
     */
    public static MapPane create(Background background, ObservableList<Incident> incidents,
            ObjectProperty<Incident> listSelection, Supplier<Optional<Investigation>> investigation,
            Subscriptions subscriptions) {
        MapViewModel vm = connect(background, incidents, listSelection, investigation, subscriptions);
        subscriptions.onDispose(vm::close);
        return new MapPane(vm);
    }

    /** The wiring without the view (testable without a toolkit). */
    static MapViewModel connect(Background background, ObservableList<Incident> incidents,
            ObjectProperty<Incident> listSelection, Supplier<Optional<Investigation>> investigation) {
        return connect(background, incidents, listSelection, investigation, new Subscriptions());
    }

    static MapViewModel connect(Background background, ObservableList<Incident> incidents,
            ObjectProperty<Incident> listSelection, Supplier<Optional<Investigation>> investigation,
            Subscriptions subscriptions) {
        Supplier<Path> cache = () -> investigation.get().map(i -> i.directory().resolve(TILE_CACHE_DIR))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "groundtruth-" + TILE_CACHE_DIR));
        MapViewModel vm = MapViewModel.locatingMaps(background, MapsDirectory::locate, cache);
        vm.openOfflineMaps(org.groundtruth.map.offline.OfflineMapLibrary.user());
        vm.showIncidents(List.copyOf(incidents));
        subscriptions.listen(incidents, (ListChangeListener<Incident>) change -> vm.showIncidents(List.copyOf(incidents)));
        boolean[] syncing = {false};
        subscriptions.listen(listSelection, (o, was, now) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                vm.select(Optional.ofNullable(now));
                syncing[0] = false;
            }
            loadPins(background, vm, Optional.ofNullable(now), investigation);
        });
        vm.selectedIncidentProperty().addListener((o, was, now) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                // Select the list's own instance, so the list view finds and highlights it.
                listSelection.set(now.flatMap(chosen -> incidents.stream().filter(i -> i.id().equals(chosen.id())).findFirst())
                        .orElse(null));
                syncing[0] = false;
            }
        });
        vm.select(Optional.ofNullable(listSelection.get()));
        loadPins(background, vm, Optional.ofNullable(listSelection.get()), investigation);
        return vm;
    }

    private static void loadPins(Background background, MapViewModel vm, Optional<Incident> incident,
            Supplier<Optional<Investigation>> investigation) {
        Optional<Investigation> open = investigation.get();
        if (incident.isEmpty() || open.isEmpty()) {
            vm.showPins(List.of());
            return;
        }
        String id = incident.get().id();
        background.run(org.groundtruth.ui.common.I18n.t("map.task.pins"), progress -> open.get().verification().pins(id),
                (List<GeolocationPin> pins) -> {
                    if (vm.selectedIncidentProperty().get().map(Incident::id).filter(id::equals).isPresent()) {
                        vm.showPins(pins);
                    }
                }, error -> vm.messageProperty().set(org.groundtruth.ui.common.I18n.t("map.pinsFailed",
                        org.groundtruth.ui.common.Errors.message(error))));
    }
}
