package org.groundtruth.map.imagery;

import java.awt.image.BufferedImage;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;

/** The centres of a Web Mercator tile's 256×256 pixels as interleaved lon, lat pairs, for batch reprojection. */
final class TilePixels {
    static final int SIZE = WebMercator.TILE_SIZE;

    private TilePixels() {
    }

    static double[] lonLatCentres(TileKey key) {
        double world = WebMercator.worldSize(key.zoom());
        double[] lonLat = new double[SIZE * SIZE * 2];
        double[] lats = new double[SIZE];
        for (int row = 0; row < SIZE; row++) {
            lats[row] = WebMercator.latOfNormY((key.y() * (double) SIZE + row + 0.5) / world);
        }
        int i = 0;
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                lonLat[i++] = WebMercator.lonOfNormX((key.x() * (double) SIZE + col + 0.5) / world);
                lonLat[i++] = lats[row];
            }
        }
        return lonLat;
    }

    /** Web Mercator metres (EPSG:3857) of lon/lat pairs, in place. */
    static void toWebMercatorMeters(double[] lonLat) {
        double r = 6_378_137;
        for (int i = 0; i < lonLat.length; i += 2) {
            double lat = Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, lonLat[i + 1]));
            lonLat[i] = Math.toRadians(lonLat[i]) * r;
            lonLat[i + 1] = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * r;
        }
    }

    static BufferedImage newTile() {
        return new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    }
}
