package org.groundtruth.ui.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import org.groundtruth.map.imagery.XyzTileSource;
import org.groundtruth.store.SavedLayers;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;

/**
 * Keeps the imagery an investigator adds with the investigation: layers added while it is open are saved in its
 * folder ({@link SavedLayers}) with their order, visibility and opacity, and come back when it is opened again.
 * Opening another investigation takes its layers off the map and puts the other's on. Layers that were on the
 * map before (the basemap, tile sources from Settings) are left alone. A saved file that cannot be opened now
 * (a drive not plugged in) stays in the list and is named in the map's message. Toolkit-free.
 */
public final class InvestigationLayers {
    private final MapViewModel map;
    private final Background background;
    private final Set<MapLayer> ours = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final List<SavedLayers.Layer> unavailable = new ArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final ChangeListener<Object> changed = (o, was, now) -> save();
    private Optional<Path> investigation = Optional.empty();
    /** Saved layers still opening: saving now would write a list without them. */
    private int pending;
    private boolean changedWhilePending;
    private boolean applying;

    public InvestigationLayers(MapViewModel map, Background background) {
        this.map = map;
        this.background = background;
        map.layers().addListener((ListChangeListener<MapLayer>) change -> {
            boolean structural = false;
            while (change.next()) {
                for (MapLayer added : change.getAddedSubList()) {
                    if (!added.isBasemap() && investigation.isPresent() && ours.add(added)) {
                        added.visibleProperty().addListener(changed);
                        added.opacityProperty().addListener(changed);
                    }
                }
                change.getRemoved().forEach(ours::remove);
                structural = true;
            }
            if (structural) {
                save();
            }
        });
    }

    /** The investigation now open: its saved layers replace the previous one's. */
    public void use(Optional<Path> folder) {
        if (folder.equals(investigation)) {
            return;
        }
        investigation = Optional.empty();
        for (MapLayer layer : List.copyOf(ours)) {
            map.removeLayer(layer);
        }
        ours.clear();
        unavailable.clear();
        pending = 0;
        changedWhilePending = false;
        investigation = folder;
        folder.ifPresent(this::restore);
    }

    private void restore(Path folder) {
        pending++;
        background.run(I18n.t("map.task.restoreLayers"), progress -> SavedLayers.read(folder), saved -> {
            if (investigation.equals(Optional.of(folder))) {
                saved.forEach(layer -> add(folder, layer));
            }
            done(folder);
        }, error -> {
            map.messageProperty().set(String.valueOf(error.getMessage()));
            done(folder);
        });
    }

    /** One restore step ended; when all have, save whatever changed meanwhile (the user may have added a layer). */
    private void done(Path folder) {
        if (!investigation.equals(Optional.of(folder))) {
            return;
        }
        pending--;
        if (pending == 0 && changedWhilePending) {
            changedWhilePending = false;
            save();
        }
    }

    private void add(Path folder, SavedLayers.Layer saved) {
        if (saved.kind() == SavedLayers.Kind.ONLINE) {
            boolean present = map.layers().stream().anyMatch(l -> l.source() instanceof XyzTileSource x
                    && x.template().equals(saved.location()));
            if (!present) {
                map.addXyz(saved.location(), "", 19).ifPresentOrElse(l -> apply(l, saved), () -> unavailable.add(saved));
            }
            return;
        }
        pending++;
        map.addImagery(Path.of(saved.location()), layer -> {
            if (investigation.equals(Optional.of(folder))) {
                apply(layer, saved);
            } else {
                map.removeLayer(layer); // the investigation changed while the file was opening
            }
            done(folder);
        }, error -> {
            if (investigation.equals(Optional.of(folder))) {
                unavailable.add(saved);
                map.messageProperty().set(I18n.t("map.layerUnavailable", saved.location()));
            }
            done(folder);
        });
    }

    private void apply(MapLayer layer, SavedLayers.Layer saved) {
        applying = true;
        try {
            layer.visibleProperty().set(saved.visible());
            layer.opacityProperty().set(saved.opacity());
        } finally {
            applying = false;
        }
    }

    /** Snapshot on the FX thread, written in the background; a newer snapshot makes an older write moot. */
    private void save() {
        if (applying || investigation.isEmpty()) {
            return;
        }
        if (pending > 0) {
            changedWhilePending = true;
            return;
        }
        Path folder = investigation.get();
        List<SavedLayers.Layer> list = new ArrayList<>(unavailable);
        for (MapLayer layer : map.layers()) {
            if (!ours.contains(layer)) {
                continue;
            }
            Optional<SavedLayers.Layer> entry = layer.source() instanceof XyzTileSource x
                    ? Optional.of(new SavedLayers.Layer(SavedLayers.Kind.ONLINE, x.template(),
                            layer.visibleProperty().get(), layer.opacityProperty().get()))
                    : map.imageryFile(layer).map(file -> new SavedLayers.Layer(SavedLayers.Kind.FILE,
                            file.toAbsolutePath().toString(), layer.visibleProperty().get(),
                            layer.opacityProperty().get()));
            entry.ifPresent(list::add);
        }
        long mine = generation.incrementAndGet();
        background.run(I18n.t("map.task.saveLayers"), progress -> {
            if (mine == generation.get()) {
                SavedLayers.write(folder, list);
            }
            return list.size();
        }, written -> { }, error -> map.messageProperty().set(String.valueOf(error.getMessage())));
    }
}
