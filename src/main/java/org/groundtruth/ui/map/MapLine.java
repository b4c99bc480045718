package org.groundtruth.ui.map;

import javafx.scene.paint.Color;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/** A geodesic line another feature asks the map to draw (a shadow direction, a double-tap pair), with a label. */
public record MapLine(LatLon from, LatLon to, String label, Color color) {
    public MapLine {
        Require.present(from, "from");
        Require.present(to, "to");
        Require.text(label, "label", 200);
        Require.present(color, "colour");
    }
}
