package org.groundtruth.map.gazetteer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin-1 regions' bounding boxes (as the gazetteer's R*Tree holds them) and names in memory, about 2,000
 * entries: the first step of a reverse lookup is a scan of these arrays instead of a query per point.
 */
final class RegionBoxes {
    private final long[] ids;
    private final double[] minX;
    private final double[] maxX;
    private final double[] minY;
    private final double[] maxY;
    private final Region[] regions;

    private RegionBoxes(List<Object[]> rows) {
        int n = rows.size();
        ids = new long[n];
        minX = new double[n];
        maxX = new double[n];
        minY = new double[n];
        maxY = new double[n];
        regions = new Region[n];
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            ids[i] = (Long) row[0];
            minX[i] = (Double) row[1];
            maxX[i] = (Double) row[2];
            minY[i] = (Double) row[3];
            maxY[i] = (Double) row[4];
            regions[i] = (Region) row[5];
        }
    }

    /** One entry of the index: the region's id (for its outline) and its names. */
    record Entry(long id, Region region) {
    }

    static RegionBoxes load(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT i.id, i.minx, i.maxx, i.miny, i.maxy, r.name,"
                + " r.name_uk, r.iso, r.country_code FROM region_idx i JOIN region r ON r.id = i.id ORDER BY i.id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getDouble(5), new Region(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))});
            }
        }
        return new RegionBoxes(rows);
    }

    /** The regions whose box comes within {@code margin} degrees of the point, in id order. */
    List<Entry> near(double lon, double lat, double margin) {
        List<Entry> found = new ArrayList<>(4);
        for (int i = 0; i < ids.length; i++) {
            if (minX[i] <= lon + margin && maxX[i] >= lon - margin && minY[i] <= lat + margin
                    && maxY[i] >= lat - margin) {
                found.add(new Entry(ids[i], regions[i]));
            }
        }
        return found;
    }
}
