package org.groundtruth.core.geo;

import java.util.Locale;

/** Writes a position in the forms investigators exchange: decimal, DMS, MGRS and UTM. */
public final class CoordinateFormat {
    private CoordinateFormat() {
    }

    /** {@code 46.635400, 32.616900}: six decimals is about 0.1 m. */
    public static String decimal(LatLon p) {
        return String.format(Locale.ROOT, "%.6f, %.6f", p.lat(), p.lon());
    }

    /** {@code 46°38'07.4"N 32°37'00.8"E}, the form Google Maps shows and accepts. */
    public static String dms(LatLon p) {
        return dmsPart(p.lat(), 'N', 'S') + " " + dmsPart(p.lon(), 'E', 'W');
    }

    public static String mgrs(LatLon p) {
        return GridReferences.toMgrs(p);
    }

    public static String utm(LatLon p) {
        return GridReferences.toUtm(p);
    }

    private static String dmsPart(double value, char positive, char negative) {
        // Round once at the tenth of a second so 59.96" never prints as 60.0".
        long tenths = Math.round(Math.abs(value) * 36000);
        long degrees = tenths / 36000;
        long minutes = (tenths % 36000) / 600;
        double seconds = (tenths % 600) / 10.0;
        return String.format(Locale.ROOT, "%d°%02d'%04.1f\"%c", degrees, minutes, seconds, value < 0 ? negative : positive);
    }
}
