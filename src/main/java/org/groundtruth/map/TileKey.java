package org.groundtruth.map;

/** One Web Mercator tile in the XYZ scheme (row 0 at the north), zoom 0..24. */
public record TileKey(int zoom, int x, int y) {
    public TileKey {
        if (zoom < 0 || zoom > 24) {
            throw new IllegalArgumentException("zoom must be between 0 and 24, was " + zoom);
        }
        int size = 1 << zoom;
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new IllegalArgumentException("tile " + x + "/" + y + " is outside zoom " + zoom);
        }
    }

    /** The row in the TMS scheme (row 0 at the south) that MBTiles stores. */
    public int tmsY() {
        return (1 << zoom) - 1 - y;
    }

    public TileKey parent() {
        if (zoom == 0) {
            throw new IllegalStateException("tile 0/0/0 has no parent");
        }
        return new TileKey(zoom - 1, x / 2, y / 2);
    }

    @Override
    public String toString() {
        return zoom + "/" + x + "/" + y;
    }
}
