package org.groundtruth.ui.map;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.ui.common.I18n;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What the incidents-per-region layer shows for one set of dashboard numbers: the shaded regions, the classes, the
 * filter and summary that produced the numbers, and the incidents whose region has no outline on the map
 * (never silently dropped: the legend says how many and which names).
 */
record ChoroplethFrame(List<ShadedRegion> regions, ChoroplethClasses classes, String filterText, String summary,
        long notOnMap, List<String> missingNames, STRtree hoverIndex) {
    static final ChoroplethFrame EMPTY = new ChoroplethFrame(List.of(), ChoroplethClasses.of(List.of()), "", "", 0,
            List.of(), new STRtree());
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    ChoroplethFrame {
        regions = List.copyOf(Require.present(regions, "regions"));
        Require.present(classes, "classes");
        Require.present(filterText, "filter text");
        Require.present(summary, "summary");
        missingNames = List.copyOf(Require.present(missingNames, "missing names"));
        Require.present(hoverIndex, "hover index");
    }

    static STRtree index(List<ShadedRegion> regions) {
        STRtree tree = new STRtree();
        for (ShadedRegion r : regions) {
            tree.insert(r.outline().getGeometry().getEnvelopeInternal(), r);
        }
        tree.build();
        return tree;
    }

    /** The region under a point, for the hover label. */
    Optional<ShadedRegion> regionAt(LatLon position) {
        Point p = GEOMETRIES.createPoint(new Coordinate(position.lon(), position.lat()));
        for (Object candidate : hoverIndex.query(new Envelope(p.getCoordinate()))) {
            ShadedRegion region = (ShadedRegion) candidate;
            if (region.outline().covers(p)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /** "Kherson Oblast: 3 incidents". */
    static String describe(ShadedRegion region) {
        return I18n.t("map.regionCount", region.name(), region.count());
    }

    /** Empty when every counted incident is on the map. */
    Optional<String> notOnMapText() {
        return notOnMap == 0 ? Optional.empty()
                : Optional.of(I18n.t("map.notOnMap", notOnMap, String.join(", ", missingNames)));
    }
}
