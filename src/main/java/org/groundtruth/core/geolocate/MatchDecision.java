package org.groundtruth.core.geolocate;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.LatLon;

/** An analyst's accept or reject of one candidate for one evidence frame; an accept names the pin it created. */
public record MatchDecision(String id, FrameReference frame, String layer, LatLon center, double score, int inliers,
        MatchVerdict verdict, Optional<String> pinId, String analyst, Instant decidedAt) {
    public static final String ID_PREFIX = "imd";

    public MatchDecision {
        Ids.require(id, ID_PREFIX, "decision id");
        Require.present(frame, "frame");
        layer = Require.nonBlank(layer, "reference layer", 500);
        Require.present(center, "center");
        Require.finiteInRange(score, 0, 1e9, "score");
        Require.nonNegative(inliers, "inliers");
        Require.present(verdict, "verdict");
        Require.present(pinId, "pin id");
        analyst = Require.nonBlank(analyst, "analyst", 200);
        Require.present(decidedAt, "decided at");
    }
}
