package org.groundtruth.map.gazetteer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Every gazetteer place's position in memory (about 200,000 places, 3 MB), for the nearest-place search of a
 * reverse lookup: bands of {@value #BAND_E5} e-5 degrees of latitude, each sorted by longitude, so a box is a
 * binary search per band instead of a scan of an index on latitude alone (which made a reverse lookup cost
 * about 10 ms, and importing 100,000 points half an hour). The answer is the one the SQL box query gave: the
 * place nearest by haversine among those inside the box, ties going to the lower latitude, then the lower id.
 */
final class PlaceGrid {
    /** 0.05° of latitude per band. */
    static final int BAND_E5 = 5_000;
    private static final int LAT_OFFSET_E5 = 90 * 100_000;
    private static final int BANDS = 2 * LAT_OFFSET_E5 / BAND_E5 + 1;

    private final long[] ids;
    private final int[] lats;
    private final int[] lons;
    /** Places of band b are at indexes bandStart[b] (inclusive) to bandStart[b + 1]. */
    private final int[] bandStart;

    private PlaceGrid(long[] ids, int[] lats, int[] lons, int[] bandStart) {
        this.ids = ids;
        this.lats = lats;
        this.lons = lons;
        this.bandStart = bandStart;
    }

    static PlaceGrid load(Connection connection) throws SQLException {
        int count;
        try (PreparedStatement p = connection.prepareStatement("SELECT count(*) FROM place");
                ResultSet rs = p.executeQuery()) {
            count = rs.next() ? rs.getInt(1) : 0;
        }
        long[] rawIds = new long[count];
        int[] rawLats = new int[count];
        int[] rawLons = new int[count];
        int n = 0;
        try (PreparedStatement p = connection.prepareStatement("SELECT id, lat_e5, lon_e5 FROM place");
                ResultSet rs = p.executeQuery()) {
            while (rs.next() && n < count) {
                rawIds[n] = rs.getLong(1);
                rawLats[n] = rs.getInt(2);
                rawLons[n] = rs.getInt(3);
                n++;
            }
        }
        return of(Arrays.copyOf(rawIds, n), Arrays.copyOf(rawLats, n), Arrays.copyOf(rawLons, n));
    }

    /** Builds the grid from parallel arrays (id, latitude and longitude in e-5 degrees). */
    static PlaceGrid of(long[] ids, int[] lats, int[] lons) {
        int n = ids.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byBand = Integer.compare(band(lats[a]), band(lats[b]));
            return byBand != 0 ? byBand : Integer.compare(lons[a], lons[b]);
        });
        long[] sortedIds = new long[n];
        int[] sortedLats = new int[n];
        int[] sortedLons = new int[n];
        int[] bandStart = new int[BANDS + 1];
        for (int i = 0; i < n; i++) {
            int k = order[i];
            sortedIds[i] = ids[k];
            sortedLats[i] = lats[k];
            sortedLons[i] = lons[k];
            bandStart[band(lats[k]) + 1]++;
        }
        for (int b = 0; b < BANDS; b++) {
            bandStart[b + 1] += bandStart[b];
        }
        return new PlaceGrid(sortedIds, sortedLats, sortedLons, bandStart);
    }

    int size() {
        return ids.length;
    }

    /** The nearest place to (lat, lon) whose position lies in the box (bounds in e-5 degrees, inclusive). */
    OptionalLong nearestIn(double lat, double lon, long minLatE5, long maxLatE5, long minLonE5, long maxLonE5) {
        int fromBand = band(clampLat(minLatE5));
        int toBand = band(clampLat(maxLatE5));
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int b = fromBand; b <= toBand; b++) {
            int end = bandStart[b + 1];
            for (int i = firstWithLonAtLeast(bandStart[b], end, minLonE5); i < end && lons[i] <= maxLonE5; i++) {
                if (lats[i] < minLatE5 || lats[i] > maxLatE5) {
                    continue;
                }
                double distance = haversineMeters(lat, lon, lats[i] / 1e5, lons[i] / 1e5);
                if (best < 0 || distance < bestDistance || distance == bestDistance && before(i, best)) {
                    best = i;
                    bestDistance = distance;
                }
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(ids[best]);
    }

    private boolean before(int i, int j) {
        return lats[i] != lats[j] ? lats[i] < lats[j] : ids[i] < ids[j];
    }

    private int firstWithLonAtLeast(int from, int to, long lonE5) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lons[mid] < lonE5) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int clampLat(long latE5) {
        return (int) Math.max(-LAT_OFFSET_E5, Math.min(LAT_OFFSET_E5, latE5));
    }

    private static int band(int latE5) {
        return (clampLat(latE5) + LAT_OFFSET_E5) / BAND_E5;
    }

    /** Great-circle distance in metres on the mean Earth sphere. */
    static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
