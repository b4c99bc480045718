package org.groundtruth.core.casefile;

import java.util.Optional;

/** Draws a frame of an evidence item with boxes on it; implemented by the media module, which decodes. */
public interface FrameFigures extends AutoCloseable {
    FrameFigures NONE = request -> Optional.empty();

    /**
     * The frame, or empty when this implementation draws no frames; a file that cannot be decoded throws
     * {@link FigureException} with a message fit for the report.
     */
    Optional<ReportImage> frame(FrameFigureRequest request);

    @Override
    default void close() {
    }
}
