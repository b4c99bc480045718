package org.groundtruth.core.geo;

import java.util.Locale;

/**
 * Human distance text: metres below 1 km, kilometres above; or, when the analyst chose imperial units, feet below
 * a mile and miles above. Stored values are always metres; only the text changes.
 */
public final class Distances {
    private static final double METRES_PER_FOOT = 0.3048;
    private static final double METRES_PER_MILE = 1609.344;
    private static volatile boolean imperial;

    private Distances() {
    }

    /** The units setting: imperial (feet, miles) or metric (the default). */
    public static void useImperial(boolean useImperial) {
        imperial = useImperial;
    }

    public static String format(double meters) {
        if (imperial) {
            return meters < METRES_PER_MILE ? String.format(Locale.ROOT, "%.0f ft", meters / METRES_PER_FOOT)
                    : String.format(Locale.ROOT, "%.2f mi", meters / METRES_PER_MILE);
        }
        if (meters < 1000) {
            return String.format(Locale.ROOT, "%.1f m", meters);
        }
        return String.format(Locale.ROOT, meters < 100_000 ? "%.3f km" : "%.1f km", meters / 1000);
    }
}
