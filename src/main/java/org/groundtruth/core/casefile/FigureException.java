package org.groundtruth.core.casefile;

/** A figure of the report could not be drawn (corrupt evidence, unreadable basemap); the report says so and goes on. */
public final class FigureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FigureException(String message, Throwable cause) {
        super(message, cause);
    }
}
