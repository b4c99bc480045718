package org.groundtruth.core.geolocate;

import org.groundtruth.core.Require;

/**
 * One reference cell: {@code cellSize}×{@code cellSize} world pixels at {@code zoom}, cell ({@code x}, {@code y}) of
 * that grid, of the layer {@code layerKey}, with features found by {@code extractor} (name and parameters).
 */
public record CellKey(String layerKey, String extractor, int zoom, int cellSize, int x, int y) {
    public CellKey {
        Require.nonBlank(layerKey, "layer key", 500);
        Require.nonBlank(extractor, "extractor", 200);
        if (zoom < 0 || zoom > 24 || cellSize <= 0 || x < 0 || y < 0) {
            throw new IllegalArgumentException("bad cell " + zoom + "/" + x + "/" + y + " of size " + cellSize);
        }
    }

    /** World pixel of the cell's north-west corner. */
    public long originX() {
        return (long) x * cellSize;
    }

    public long originY() {
        return (long) y * cellSize;
    }
}
