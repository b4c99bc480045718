package org.groundtruth.ui.common;

import org.groundtruth.core.geo.Distances;

/**
 * Distances, durations and file sizes with their unit symbols in the window's language. The numbers (and the
 * metric/imperial choice) come from core, which also writes the CLI's English; the window only swaps the symbol.
 */
public final class UnitText {
    private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private UnitText() {
    }

    /** Metres or kilometres (feet or miles when the analyst chose imperial units). */
    public static String distance(double meters) {
        return withLocalSymbol(Distances.format(meters));
    }

    /** A text from {@link Distances#format} ("451.4 km"), its unit symbol translated. */
    public static String withLocalSymbol(String numberSpaceSymbol) {
        int space = numberSpaceSymbol.lastIndexOf(' ');
        return space < 0 ? numberSpaceSymbol
                : numberSpaceSymbol.substring(0, space + 1) + I18n.t("unit." + numberSpaceSymbol.substring(space + 1));
    }

    /** A precision or radius in whole metres: "±25 m". */
    public static String plusMinusMetres(double meters) {
        return "\u00b1" + Math.round(meters) + " " + I18n.t("unit.m");
    }

    /** "43 min", "12 min 05 s", "2 h 07 min". */
    public static String duration(long seconds) {
        long minutes = seconds / 60;
        long rest = seconds % 60;
        if (minutes >= 60) {
            return I18n.t("unit.hoursMinutes", minutes / 60, minutes % 60);
        }
        return rest == 0 ? I18n.t("unit.minutes", minutes) : I18n.t("unit.minutesSeconds", minutes, rest);
    }

    /** Bytes in binary multiples: "512 B", "3.2 MiB". */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " " + I18n.t("unit.B");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return I18n.t("unit.size", value, I18n.t("unit." + BINARY_UNITS[unit]));
    }
}
