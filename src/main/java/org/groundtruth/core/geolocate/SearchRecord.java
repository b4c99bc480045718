package org.groundtruth.core.geolocate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.FrameReference;

/**
 * What the custody log keeps of a search: the frame, the layer, the area, the parameters and the candidates (centre,
 * score, inliers, footprint) — enough to repeat it and to see what the analyst was shown — and, for an oblique frame,
 * what it was rectified from (the four marked points or the telemetry pose).
 */
public record SearchRecord(Optional<FrameReference> frame, String layer, SearchArea area, MatchParameters parameters,
        List<Summary> candidates, Optional<String> rectification) {
    public record Summary(double lat, double lon, double score, int inliers, double reprojectionErrorMeters, String confidence) {
    }

    public SearchRecord {
        candidates = List.copyOf(candidates);
        org.groundtruth.core.Require.present(rectification, "rectification");
    }

    public SearchRecord(Optional<FrameReference> frame, String layer, SearchArea area, MatchParameters parameters,
            List<Summary> candidates) {
        this(frame, layer, area, parameters, candidates, Optional.empty());
    }

    /** As {@link #of(Optional, String, MatchParameters, SearchReport)}, for a frame rectified before matching. */
    public static SearchRecord of(Optional<FrameReference> frame, String layer, MatchParameters parameters, SearchReport report,
            Optional<Rectification> rectification) {
        SearchRecord plain = of(frame, layer, parameters, report);
        return new SearchRecord(frame, layer, plain.area(), parameters, plain.candidates(),
                rectification.map(Rectification::description));
    }

    public static SearchRecord of(Optional<FrameReference> frame, String layer, MatchParameters parameters, SearchReport report) {
        List<Summary> summaries = new ArrayList<>();
        for (MatchCandidate c : report.candidates()) {
            summaries.add(new Summary(c.center().lat(), c.center().lon(), c.score(), c.inliers(), c.reprojectionErrorMeters(),
                    c.confidence().code()));
        }
        return new SearchRecord(frame, layer, report.area(), parameters, summaries);
    }
}
