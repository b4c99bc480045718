package org.groundtruth.core.evidence;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * A position read from media metadata or telemetry: WGS84 latitude and longitude in degrees, altitude in metres
 * when known, and where it was read from (for example {@code EXIF GPS}, {@code QuickTime ©xyz}, {@code DJI SRT}).
 * 0,0 is never a fix: devices write it when they have none, so {@link #of} treats it as absent.
 */
public record GpsFix(double latitudeDegrees, double longitudeDegrees, Optional<Double> altitudeMetres, String source) {
    public GpsFix {
        Require.finiteInRange(latitudeDegrees, -90, 90, "latitude");
        Require.finiteInRange(longitudeDegrees, -180, 180, "longitude");
        Require.present(altitudeMetres, "altitude").ifPresent(a -> Require.finiteInRange(a, -20_000, 1_000_000, "altitude"));
        source = Require.nonBlank(source, "GPS source", 100);
        if (isNullIsland(latitudeDegrees, longitudeDegrees)) {
            throw new IllegalArgumentException("0,0 is not a GPS fix (devices write it when they have none)");
        }
    }

    /** A fix, or empty when the values are out of range, not finite, or 0,0 ("no fix"). */
    public static Optional<GpsFix> of(double latitudeDegrees, double longitudeDegrees, Optional<Double> altitudeMetres,
            String source) {
        if (!Double.isFinite(latitudeDegrees) || !Double.isFinite(longitudeDegrees)
                || Math.abs(latitudeDegrees) > 90 || Math.abs(longitudeDegrees) > 180
                || isNullIsland(latitudeDegrees, longitudeDegrees)) {
            return Optional.empty();
        }
        Optional<Double> altitude = altitudeMetres.filter(a -> Double.isFinite(a) && a >= -20_000 && a <= 1_000_000);
        return Optional.of(new GpsFix(latitudeDegrees, longitudeDegrees, altitude, source));
    }

    private static boolean isNullIsland(double lat, double lon) {
        return Math.abs(lat) < 1e-9 && Math.abs(lon) < 1e-9;
    }
}
