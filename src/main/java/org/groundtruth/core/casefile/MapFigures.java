package org.groundtruth.core.casefile;

import java.util.Optional;

/** Draws the report's map of an incident; implemented by the map module, which owns the basemap. */
public interface MapFigures extends AutoCloseable {
    MapFigures NONE = request -> Optional.empty();

    /** The map, or empty when no basemap is available. A failure to draw throws {@link FigureException}. */
    Optional<ReportImage> map(MapFigureRequest request);

    @Override
    default void close() {
    }
}
