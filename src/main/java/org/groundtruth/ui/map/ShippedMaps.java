package org.groundtruth.ui.map;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.ui.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped basemap and gazetteer, opened together away from the FX thread (both are SQLite files that are
 * opened and checked on open). Either may be missing; {@code problem} then says why in one sentence.
 */
record ShippedMaps(Optional<BasemapRenderer> basemap, Optional<Gazetteer> gazetteer, Optional<String> problem) {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedMaps.class);

    /** Runs in the background. */
    static ShippedMaps open(Optional<Path> mapsDirectory) {
        if (mapsDirectory.isEmpty()) {
            return new ShippedMaps(Optional.empty(), Optional.empty(), Optional.of(I18n.t("map.noBasemap")));
        }
        Path maps = mapsDirectory.get();
        Optional<String> problem = Optional.empty();
        Optional<BasemapRenderer> basemap = Optional.empty();
        try {
            basemap = Optional.of(BasemapRenderer.open(maps.resolve(org.groundtruth.map.MapsDirectory.BASEMAP),
                    I18n.locale().getLanguage().equals("uk")));
        } catch (BadInputException e) {
            LOG.warn("Basemap unavailable", e);
            problem = Optional.of(e.getMessage());
        }
        Optional<Gazetteer> gazetteer = Optional.empty();
        try {
            gazetteer = Optional.of(Gazetteer.open(maps.resolve(Gazetteer.FILE_NAME)));
        } catch (BadInputException e) {
            LOG.warn("Gazetteer unavailable", e);
            problem = Optional.of(e.getMessage());
        }
        return new ShippedMaps(basemap, gazetteer, problem);
    }

    /** For a map closed before its files finished opening: they are closed off the FX thread. */
    void closeInBackground() {
        Thread closer = new Thread(() -> {
            basemap.ifPresent(BasemapRenderer::close);
            gazetteer.ifPresent(Gazetteer::close);
        }, "maps-closer");
        closer.setDaemon(true);
        closer.start();
    }
}
