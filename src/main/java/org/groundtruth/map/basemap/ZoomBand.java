package org.groundtruth.map.basemap;

/**
 * Geometry is stored once per band of zoom levels, simplified to about half a pixel at the band's deepest zoom,
 * and cut into grid cells so that a tile query reads only nearby vertices.
 */
enum ZoomBand {
    WORLD(0, 3, 0.05, 0),
    COUNTRY(4, 6, 0.008, 10),
    /** From zoom 7 down: Natural Earth 10m kept nearly whole, GSHHG full resolution from zoom 10. */
    DETAIL(7, 22, 0.0001, 1);

    /**
     * The R*Trees: DETAIL geometry is stored once but indexed twice, for zooms 7-9 and for 10 and deeper, so a
     * zoom 7 tile does not wade through the full-resolution features that only appear from zoom 10.
     */
    static final int INDEXES = 4;

    /** The R*Trees a feature of this band with these zoom limits belongs to. */
    int[] indexes(int featureMinZoom, int featureMaxZoom) {
        if (this != DETAIL) {
            return new int[] {ordinal()};
        }
        boolean low = featureMinZoom <= 9 && featureMaxZoom >= 7;
        boolean high = featureMaxZoom >= 10;
        return low && high ? new int[] {2, 3} : low ? new int[] {2} : new int[] {3};
    }

    static int indexForZoom(int zoom) {
        return zoom <= 3 ? 0 : zoom <= 6 ? 1 : zoom <= 9 ? 2 : 3;
    }

    final int minZoom;
    final int maxZoom;
    /** Douglas-Peucker tolerance in degrees; 0 keeps every vertex. */
    final double toleranceDegrees;
    /** Size of the clipping grid in degrees; 0 means no clipping. */
    final double cellDegrees;

    ZoomBand(int minZoom, int maxZoom, double toleranceDegrees, double cellDegrees) {
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.toleranceDegrees = toleranceDegrees;
        this.cellDegrees = cellDegrees;
    }

    static ZoomBand forZoom(int zoom) {
        for (ZoomBand band : values()) {
            if (zoom <= band.maxZoom) {
                return band;
            }
        }
        return DETAIL;
    }
}
