package org.groundtruth.core.casefile;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;

/**
 * An incident as it goes into the interchange files: its (possibly snapped) position, the accepted pin's
 * precision and camera view, and how many evidence items are exported with it.
 */
public record ExportedIncident(Incident incident, Optional<LatLon> position, Optional<Double> precisionMeters,
        Optional<CameraView> camera, int evidenceCount) {

    public ExportedIncident {
        Require.present(incident, "incident");
        Require.present(position, "position");
        Require.present(precisionMeters, "precision");
        Require.present(camera, "camera");
        Require.nonNegative(evidenceCount, "evidence count");
    }
}
