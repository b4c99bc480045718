package org.groundtruth.map.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.Random;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.TestData;
import org.junit.jupiter.api.Test;

/**
 * The in-memory place grid gives the nearest place the SQL box query over the latitude index gave (the reverse
 * lookup before the grid), for points over Ukraine, its neighbours and the sea, and worldwide.
 */
class PlaceGridTest {
    private static final double[] RADII = {0.05, 0.2, 1, 5, 30};

    @Test
    void nearestPlaceIsTheOneTheSqlBoxQueryFound() throws Exception {
        java.nio.file.Path file = TestData.maps(Gazetteer.FILE_NAME);
        Random random = new Random(12);
        try (Gazetteer gazetteer = Gazetteer.open(file);
                Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro")) {
            for (int n = 0; n < 600; n++) {
                LatLon point = n % 3 == 2
                        ? new LatLon(-80 + random.nextDouble() * 160, -180 + random.nextDouble() * 360)
                        : new LatLon(43 + random.nextDouble() * 10, 21 + random.nextDouble() * 20);
                Optional<Long> expected = sqlNearest(c, point);
                ReverseResult actual = gazetteer.reverse(point);
                assertThat(actual.nearest().map(Place::geonameId)).as("nearest place to " + point).isEqualTo(expected);
            }
        }
    }

    @Test
    void placesAtOnePositionGoToTheLowerIdAndBoxBoundsAreInclusive() {
        PlaceGrid grid = PlaceGrid.of(new long[] {9, 4, 7, 5}, new int[] {4_600_000, 4_600_000, 4_599_000, 4_601_000},
                new int[] {3_200_100, 3_200_100, 3_200_000, 3_200_000});
        assertThat(grid.size()).isEqualTo(4);
        // 9 and 4 share a position (GeoNames has such duplicates): the lower id wins, as in the index order.
        assertThat(grid.nearestIn(46.0, 32.0, 4_599_500, 4_600_500, 3_199_000, 3_201_000)).hasValue(4);
        assertThat(grid.nearestIn(46.01, 32.0, 4_598_000, 4_602_000, 3_199_950, 3_200_050)).hasValue(5);
        assertThat(grid.nearestIn(46.0, 32.0, 4_601_000, 4_601_000, 3_200_000, 3_200_000)).hasValue(5);
        assertThat(grid.nearestIn(46.0, 32.0, 4_601_001, 4_700_000, 3_000_000, 3_400_000)).isEmpty();
        assertThat(grid.nearestIn(46.0, 32.0, 4_500_000, 4_700_000, 3_200_001, 3_200_099)).isEmpty();
    }

    /** The reverse lookup's nearest-place search as it was: one box query per radius over the latitude index. */
    private static Optional<Long> sqlNearest(Connection c, LatLon point) throws Exception {
        for (double radius : RADII) {
            double lonRadius = radius / Math.max(0.05, Math.cos(Math.toRadians(point.lat())));
            long best = -1;
            double bestDistance = Double.MAX_VALUE;
            try (PreparedStatement p = c.prepareStatement("SELECT p.id, p.lat_e5, p.lon_e5 FROM place p"
                    + " WHERE p.lat_e5 BETWEEN ? AND ? AND p.lon_e5 BETWEEN ? AND ?")) {
                p.setLong(1, Math.round((point.lat() - radius) * 1e5));
                p.setLong(2, Math.round((point.lat() + radius) * 1e5));
                p.setLong(3, Math.round((point.lon() - lonRadius) * 1e5));
                p.setLong(4, Math.round((point.lon() + lonRadius) * 1e5));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        double d = Gazetteer.haversineMeters(point,
                                new LatLon(rs.getLong(2) / 1e5, rs.getLong(3) / 1e5));
                        if (d < bestDistance) {
                            best = rs.getLong(1);
                            bestDistance = d;
                        }
                    }
                }
            }
            if (best >= 0 && bestDistance <= radius * 111_000) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }
}
