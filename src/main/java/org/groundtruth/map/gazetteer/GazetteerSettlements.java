package org.groundtruth.map.gazetteer;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.telemetry.SettlementDistance;
import org.groundtruth.map.MapsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distance to the nearest GeoNames settlement in the shipped gazetteer, for deciding the coordinate order of old
 * DJI telemetry. Opened on first use; when the gazetteer is missing the answer is "unknown", never an error.
 */
public final class GazetteerSettlements implements SettlementDistance, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GazetteerSettlements.class);
    private final Optional<Path> file;
    private Gazetteer gazetteer;
    private boolean failed;

    private GazetteerSettlements(Optional<Path> file) {
        this.file = file;
    }

    public static GazetteerSettlements shipped() {
        return new GazetteerSettlements(MapsDirectory.locate().map(dir -> dir.resolve(Gazetteer.FILE_NAME)));
    }

    @Override
    public synchronized Optional<Double> nearestMetres(LatLon point) {
        if (gazetteer == null && !failed && file.isPresent()) {
            try {
                gazetteer = Gazetteer.open(file.get());
            } catch (RuntimeException e) {
                failed = true;
                LOG.warn("settlement lookup unavailable: {}", e.getMessage());
            }
        }
        if (gazetteer == null) {
            return Optional.empty();
        }
        ReverseResult result = gazetteer.reverse(point);
        return result.nearest().map(p -> result.distanceMeters());
    }

    @Override
    public synchronized void close() {
        if (gazetteer != null) {
            gazetteer.close();
            gazetteer = null;
        }
    }
}
