package org.groundtruth.ui.map;

import java.util.Optional;
import javafx.scene.paint.Color;
import org.groundtruth.core.Require;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * One region of the choropleth: its name as shown, its count under the dashboard's filter, its fill (none for
 * zero), the projected outline to paint (only for filled regions) and the longitude/latitude outline for hovering.
 */
record ShadedRegion(String name, long count, Optional<Color> fill, Optional<ProjectedRegion> projected,
        PreparedGeometry outline) {
    ShadedRegion {
        Require.nonBlank(name, "region name", 300);
        Require.present(fill, "fill");
        Require.present(projected, "projected outline");
        Require.present(outline, "outline");
    }
}
