package org.groundtruth.core.casefile;

import java.nio.file.Path;
import java.util.List;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * The overlay of an accepted image match for the report: the frame's footprint on the ground, the matched points, the
 * pin, and the reference layer it was matched against (by name, with the imagery files the investigation's map knows,
 * among which the figure looks for it).
 */
public record MatchFigureRequest(String layerName, List<Path> layerFiles, List<LatLon> footprint, List<LatLon> inliers,
        LatLon pin, double precisionMeters) {
    public MatchFigureRequest {
        Require.text(layerName, "layer name", 500);
        layerFiles = List.copyOf(Require.present(layerFiles, "layer files"));
        footprint = List.copyOf(Require.present(footprint, "footprint"));
        if (footprint.size() != 4) {
            throw new IllegalArgumentException("a footprint has four corners, not " + footprint.size());
        }
        inliers = List.copyOf(Require.present(inliers, "inliers"));
        Require.present(pin, "pin");
        Require.finiteInRange(precisionMeters, 0, 1e7, "precision");
    }
}
