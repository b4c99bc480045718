package org.groundtruth.map.gazetteer;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/** A gazetteer entry: GeoNames name, country (English name and ISO code), admin-1 region, position, population. */
public record Place(long geonameId, String name, String country, String countryCode, String admin1, LatLon location,
        long population) {
    public Place {
        Require.nonBlank(name, "place name", 300);
        Require.present(country, "country");
        Require.present(countryCode, "country code");
        Require.present(admin1, "admin-1 region");
        Require.present(location, "location");
        Require.nonNegative(population, "population");
    }
}
