package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.util.Random;
import org.jxmapviewer.viewer.GeoPosition;
import org.jxmapviewer.viewer.util.GeoUtil;
import org.junit.jupiter.api.Test;

class WebMercatorTest {

    @Test
    void agreesWithJxMapViewersMercatorMaths() {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            double lat = -84 + random.nextDouble() * 168;
            double lon = -179 + random.nextDouble() * 358;
            int zoom = random.nextInt(19);
            Point2D jx = GeoUtil.getBitmapCoordinate(new GeoPosition(lat, lon), WebMercator.jxZoom(zoom),
                    WebMercator.TILE_FACTORY_INFO);
            assertThat(WebMercator.normX(lon) * WebMercator.worldSize(zoom)).isCloseTo(jx.getX(), within(1e-6 * WebMercator.worldSize(zoom)));
            assertThat(WebMercator.normY(lat) * WebMercator.worldSize(zoom)).isCloseTo(jx.getY(), within(1e-6 * WebMercator.worldSize(zoom)));
        }
    }

    @Test
    void inverseRoundTrips() {
        for (double lat = -80; lat <= 80; lat += 7.3) {
            assertThat(WebMercator.latOfNormY(WebMercator.normY(lat))).isCloseTo(lat, within(1e-9));
        }
        assertThat(WebMercator.lonOfNormX(WebMercator.normX(32.6169))).isCloseTo(32.6169, within(1e-12));
    }

    @Test
    void tileBoxesTileTheWorld() {
        GeoBox whole = WebMercator.tileBox(new TileKey(0, 0, 0));
        assertThat(whole.west()).isEqualTo(-180);
        assertThat(whole.north()).isCloseTo(WebMercator.MAX_LATITUDE, within(1e-9));
        GeoBox kherson = WebMercator.tileBox(new TileKey(12, 2419, 1446));
        assertThat(kherson.contains(new org.groundtruth.core.geo.LatLon(46.6354, 32.6169))).isTrue();
        assertThat(new TileKey(3, 4, 2).tmsY()).isEqualTo(5);
        assertThat(new TileKey(3, 4, 2).parent()).isEqualTo(new TileKey(2, 2, 1));
    }

    @Test
    void rejectsTilesOutsideTheirZoom() {
        assertThatThrownBy(() -> new TileKey(2, 4, 0)).hasMessageContaining("outside zoom 2");
        assertThatThrownBy(() -> new TileKey(25, 0, 0)).hasMessageContaining("zoom must be between 0 and 24");
    }

    @Test
    void groundResolutionAtTheEquatorIsTheWellKnownValue() {
        assertThat(WebMercator.metersPerPixel(0, 0)).isCloseTo(156_543.03, within(0.01));
    }
}
