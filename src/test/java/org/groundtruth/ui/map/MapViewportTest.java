package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.GeoBox;
import org.junit.jupiter.api.Test;

class MapViewportTest {
    private final MapViewport kherson = MapViewport.centredOn(new LatLon(46.6354, 32.6169), 10, 1200, 800);

    @Test
    void screenAndGeographicPositionsRoundTrip() {
        LatLon corner = kherson.toLatLon(100, 700);
        Point2D back = kherson.toScreen(corner);
        assertThat(back.getX()).isCloseTo(100, within(1e-6));
        assertThat(back.getY()).isCloseTo(700, within(1e-6));
        assertThat(kherson.center().lat()).isCloseTo(46.6354, within(1e-6));
    }

    @Test
    void zoomingAroundTheCursorKeepsThePointUnderIt() {
        LatLon under = kherson.toLatLon(300, 200);
        MapViewport in = kherson.zoomAround(300, 200, 1);
        assertThat(in.zoom()).isEqualTo(11);
        LatLon after = in.toLatLon(300, 200);
        assertThat(after.lat()).isCloseTo(under.lat(), within(1e-6));
        assertThat(after.lon()).isCloseTo(under.lon(), within(1e-6));
        assertThat(kherson.zoomAround(0, 0, 100).zoom()).isEqualTo(MapViewport.MAX_ZOOM);
    }

    @Test
    void panningMovesByScreenPixels() {
        MapViewport moved = kherson.panBy(256, 0);
        assertThat(moved.toScreen(kherson.center()).getX()).isCloseTo(600 - 256, within(1e-6));
    }

    @Test
    void markersAcrossTheAntimeridianAppearNextToTheView() {
        MapViewport pacific = MapViewport.centredOn(new LatLon(0, 179.9), 6, 800, 600);
        assertThat(pacific.toScreen(new LatLon(0, -179.9)).getX()).isBetween(400.0, 800.0);
    }

    @Test
    void fittingABoxShowsAllOfIt() {
        GeoBox ukraine = new GeoBox(22, 44, 41, 53);
        MapViewport fitted = kherson.fit(ukraine, 18);
        GeoBox visible = fitted.visibleBox();
        assertThat(visible.west()).isLessThanOrEqualTo(22);
        assertThat(visible.east()).isGreaterThanOrEqualTo(41);
        assertThat(visible.north()).isGreaterThanOrEqualTo(53);
        assertThat(fitted.zoom()).isEqualTo(6); // at 7 the 19° of longitude would need 1730 px
    }

    @Test
    void metresPerPixelShrinkByHalfPerZoom() {
        assertThat(kherson.withZoom(11).metersPerPixel()).isCloseTo(kherson.metersPerPixel() / 2, within(0.01));
    }
}
