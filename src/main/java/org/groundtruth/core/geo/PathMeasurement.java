package org.groundtruth.core.geo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.groundtruth.core.Require;

/** A measured path: its points, each leg, and the total geodesic length in metres. */
public record PathMeasurement(List<LatLon> points, List<Leg> legs) {
    public PathMeasurement {
        points = List.copyOf(Require.present(points, "points"));
        legs = List.copyOf(Require.present(legs, "legs"));
        if (!points.isEmpty() && legs.size() != points.size() - 1) {
            throw new IllegalArgumentException("a path of " + points.size() + " points has " + (points.size() - 1) + " legs");
        }
    }

    public double totalMeters() {
        return legs.stream().mapToDouble(Leg::distanceMeters).sum();
    }

    /** Plain text for the clipboard: the points, each leg and the total. */
    public String toClipboardText() {
        StringBuilder text = new StringBuilder();
        text.append("Points (lat, lon WGS84):\n");
        text.append(points.stream().map(CoordinateFormat::decimal).collect(Collectors.joining("\n")));
        text.append("\n");
        for (int i = 0; i < legs.size(); i++) {
            text.append(String.format(Locale.ROOT, "Leg %d: %s%n", i + 1, legs.get(i).describe()));
        }
        text.append("Total: ").append(Distances.format(totalMeters())).append(" (geodesic, WGS84)");
        return text.toString();
    }
}
