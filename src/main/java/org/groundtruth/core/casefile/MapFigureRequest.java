package org.groundtruth.core.casefile;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.LatLon;

/**
 * What the report's map of one incident shows: the (possibly snapped) position, the precision circle in metres
 * and the camera's view cone. A public version passes no camera.
 */
public record MapFigureRequest(LatLon position, Optional<Double> precisionMeters, Optional<CameraView> camera) {
    public MapFigureRequest {
        Require.present(position, "position");
        Require.present(precisionMeters, "precision").ifPresent(m -> Require.finiteInRange(m, 0, 1e7, "precision"));
        Require.present(camera, "camera");
    }
}
