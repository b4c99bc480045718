package org.groundtruth.map.gazetteer;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.PlaceFix;
import org.groundtruth.core.geo.PlaceLookup;
import org.groundtruth.map.MapsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverse lookup over the shipped gazetteer: the admin-1 region containing the point, and the nearest settlement
 * when it is within {@value #NEAR_METRES} m. Opened on first use; without {@code maps/} it finds nothing.
 */
public final class GazetteerPlaceLookup implements PlaceLookup {
    static final double NEAR_METRES = 15_000;
    private static final Logger LOG = LoggerFactory.getLogger(GazetteerPlaceLookup.class);

    private final Optional<Path> file;
    private Gazetteer gazetteer;
    private boolean failed;

    private GazetteerPlaceLookup(Optional<Path> file) {
        this.file = file;
    }

    /** The lookup over {@code maps/gazetteer.sqlite}, wherever {@link MapsDirectory} finds it. */
    public static PlaceLookup shipped() {
        return new GazetteerPlaceLookup(MapsDirectory.locate().map(dir -> dir.resolve("gazetteer.sqlite")));
    }

    @Override
    public synchronized Optional<PlaceFix> at(LatLon point) {
        Optional<Gazetteer> open = open();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        ReverseResult result = open.get().reverse(point);
        Optional<String> place = result.nearest().filter(p -> result.distanceMeters() <= NEAR_METRES).map(Place::name);
        Optional<String> region = result.region().map(Region::admin1Name);
        return place.isEmpty() && region.isEmpty() ? Optional.empty() : Optional.of(new PlaceFix(place, region));
    }

    private Optional<Gazetteer> open() {
        if (gazetteer == null && !failed && file.isPresent()) {
            try {
                gazetteer = Gazetteer.open(file.get());
            } catch (RuntimeException e) {
                failed = true;
                LOG.warn("reverse lookup unavailable: {}", e.getMessage());
            }
        }
        return Optional.ofNullable(gazetteer);
    }
}
