package org.groundtruth.ui.evidence;

import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.evidence.TelemetryFix;
import org.groundtruth.core.evidence.TelemetryTrack;

/**
 * A flight track laid out for a small preview, without a toolkit: positions projected equirectangularly about the
 * track's mean latitude (east-west distances shrink by cos φ, so the shape is true for a few kilometres), fitted
 * into a box with the aspect kept; plus the track's length along the ground and its time span.
 */
public record TrackShape(List<double[]> points, double lengthMetres, double durationSeconds, double widthMetres,
        double heightMetres) {
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public TrackShape {
        points = List.copyOf(points);
    }

    /** The track's points in a {@code width × height} box (y grows downwards), with {@code margin} around. */
    public static TrackShape of(TelemetryTrack track, double width, double height, double margin) {
        List<TelemetryFix> fixes = track.fixes();
        if (fixes.isEmpty()) {
            return new TrackShape(List.of(), 0, 0, 0, 0);
        }
        double meanLat = fixes.stream().mapToDouble(f -> f.position().latitudeDegrees()).average().orElse(0);
        double cos = Math.cos(Math.toRadians(meanLat));
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        List<double[]> metres = new ArrayList<>();
        for (TelemetryFix f : fixes) {
            double x = Math.toRadians(f.position().longitudeDegrees()) * cos * EARTH_RADIUS_METRES;
            double y = Math.toRadians(f.position().latitudeDegrees()) * EARTH_RADIUS_METRES;
            metres.add(new double[] {x, y});
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        double spanX = Math.max(maxX - minX, 1);
        double spanY = Math.max(maxY - minY, 1);
        double scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        double offsetX = (width - spanX * scale) / 2;
        double offsetY = (height - spanY * scale) / 2;
        List<double[]> points = new ArrayList<>();
        double length = 0;
        for (int i = 0; i < metres.size(); i++) {
            double[] m = metres.get(i);
            points.add(new double[] {offsetX + (m[0] - minX) * scale, offsetY + (maxY - m[1]) * scale});
            if (i > 0) {
                length += haversine(fixes.get(i - 1), fixes.get(i));
            }
        }
        double duration = fixes.get(fixes.size() - 1).videoTimeSeconds() - fixes.get(0).videoTimeSeconds();
        return new TrackShape(points, length, Math.max(0, duration), maxX - minX, maxY - minY);
    }

    private static double haversine(TelemetryFix a, TelemetryFix b) {
        double lat1 = Math.toRadians(a.position().latitudeDegrees());
        double lat2 = Math.toRadians(b.position().latitudeDegrees());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.position().longitudeDegrees() - a.position().longitudeDegrees());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
