package org.groundtruth.core.casefile;

import java.util.Optional;

/** Draws an image match's footprint over its reference imagery for the report; implemented by the map module. */
public interface MatchFigures extends AutoCloseable {
    MatchFigures NONE = request -> Optional.empty();

    /** The overlay, or empty when this implementation draws none. A failure to draw throws {@link FigureException}. */
    Optional<ReportImage> overlay(MatchFigureRequest request);

    @Override
    default void close() {
    }
}
