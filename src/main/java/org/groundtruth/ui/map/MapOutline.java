package org.groundtruth.ui.map;

import java.util.List;
import javafx.scene.paint.Color;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * A closed outline another feature asks the map to draw — an image-match candidate's frame footprint — with a label at
 * its first corner, an optional faint fill, and points marked inside it (the matched features).
 *
 * @param corners  the polygon, at least three points, in drawing order
 * @param label    drawn beside the first corner (may be empty)
 * @param color    stroke colour; the fill is the same colour, mostly transparent
 * @param emphasis drawn thicker and filled (the selected candidate)
 * @param points   marked with small dots (may be empty)
 */
public record MapOutline(List<LatLon> corners, String label, Color color, boolean emphasis, List<LatLon> points) {
    public MapOutline {
        corners = List.copyOf(corners);
        if (corners.size() < 3) {
            throw new IllegalArgumentException("an outline needs at least three corners, not " + corners.size());
        }
        Require.text(label, "label", 200);
        Require.present(color, "colour");
        points = List.copyOf(points);
    }
}
