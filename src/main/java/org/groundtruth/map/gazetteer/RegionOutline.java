package org.groundtruth.map.gazetteer;

import org.groundtruth.core.Require;
import org.locationtech.jts.geom.Geometry;

/** An admin-1 region and its outline (polygons in longitude/latitude degrees). */
public record RegionOutline(Region region, Geometry shape) {
    public RegionOutline {
        Require.present(region, "region");
        Require.present(shape, "outline");
    }
}
