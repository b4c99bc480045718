package org.groundtruth.core.analysis;

import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;

/**
 * Geodesic distance on the WGS84 ellipsoid with Apache SIS (Karney's algorithm, accurate to nanometres). One
 * instance holds one calculator, which is not thread-safe: use one per thread or per search.
 */
public final class GeodesicDistance {
    private final GeodeticCalculator calculator = GeodeticCalculator.create(CommonCRS.WGS84.geographic());

    public double meters(double lat1, double lon1, double lat2, double lon2) {
        if (lat1 == lat2 && lon1 == lon2) {
            return 0;
        }
        calculator.setStartGeographicPoint(lat1, lon1);
        calculator.setEndGeographicPoint(lat2, lon2);
        return calculator.getGeodesicDistance();
    }
}
