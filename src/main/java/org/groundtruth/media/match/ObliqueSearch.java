package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.MatchedPoint;
import org.groundtruth.core.geolocate.MercatorPixels;
import org.groundtruth.core.geolocate.PlaneHomography;
import org.groundtruth.core.geolocate.Rectification;
import org.groundtruth.core.geolocate.ReferenceImagery;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.core.geolocate.SearchReport;

/**
 * The search for an oblique frame: the frame is rectified (four marked ground points or the telemetry footprint), the
 * rectified picture is matched like a nadir frame, and each candidate is expressed again in the frame's own pixels —
 * its homography, its matched points, its centre (the ground under the frame's centre, or under the centre of the part
 * used when the frame's centre is sky or too far off) and its footprint (the corners of the part of the frame used).
 */
final class ObliqueSearch {
    /** Rectified picture size before the engine reduces it to its working size: enough to reduce with averaging. */
    private static final int RECTIFIED_SIDE_FACTOR = 2;

    private ObliqueSearch() {
    }

    static SearchReport search(ImageGeolocator geolocator, BufferedImage frame, Rectification rectification,
            ReferenceImagery reference, Optional<SearchArea> area, MatchParameters p, ProgressMonitor monitor) {
        FrameRectifier.Rectified r = FrameRectifier.rectify(frame, rectification, RECTIFIED_SIDE_FACTOR * p.frameMaxSide());
        SearchReport report = geolocator.search(r.image(), reference, area, p, monitor);
        List<MatchCandidate> back = new ArrayList<>();
        for (MatchCandidate c : report.candidates()) {
            back.add(toFrame(c, r, frame.getWidth(), frame.getHeight()));
        }
        return new SearchReport(back, report.bestRejectedScore(), report.area(), report.zooms(), report.cells(),
                report.cellsFromCache(), report.millis());
    }

    static MatchCandidate toFrame(MatchCandidate c, FrameRectifier.Rectified r, int fw, int fh) {
        double[] frameToWorld = PlaneHomography.multiply(c.frameToWorld(), r.frameToImage());
        double[] quad = r.usedQuad();
        List<LatLon> footprint = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            footprint.add(project(frameToWorld, quad[2 * i], quad[2 * i + 1], c.zoom()));
        }
        double cx = fw / 2.0;
        double cy = fh / 2.0;
        if (!FrameRectifier.inside(quad, cx, cy)) {
            cx = (quad[0] + quad[2] + quad[4] + quad[6]) / 4;
            cy = (quad[1] + quad[3] + quad[5] + quad[7]) / 4;
        }
        LatLon center = project(frameToWorld, cx, cy, c.zoom());
        double[] imageToFrame = PlaneHomography.invert(r.frameToImage());
        List<MatchedPoint> points = new ArrayList<>(c.matchedPoints().size());
        for (MatchedPoint m : c.matchedPoints()) {
            double[] f = PlaneHomography.apply(imageToFrame, m.frameX(), m.frameY());
            points.add(new MatchedPoint(f[0], f[1], m.ground()));
        }
        return new MatchCandidate(center, footprint, c.inliers(), c.inlierSpread(), c.reprojectionErrorMeters(), c.score(),
                c.confidence(), c.groundResolutionMeters(), c.zoom(), frameToWorld, fw, fh, points, c.merged());
    }

    private static LatLon project(double[] h, double x, double y, int zoom) {
        double[] p = PlaneHomography.apply(h, x, y);
        return MercatorPixels.latLon(p[0], p[1], zoom);
    }
}
