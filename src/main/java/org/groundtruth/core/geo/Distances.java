package org.groundtruth.core.geo;

import java.util.Locale;

/** Human distance text: metres below 1 km, kilometres above. */
public final class Distances {
    private Distances() {
    }

    public static String format(double meters) {
        if (meters < 1000) {
            return String.format(Locale.ROOT, "%.1f m", meters);
        }
        return String.format(Locale.ROOT, meters < 100_000 ? "%.3f km" : "%.1f km", meters / 1000);
    }
}
