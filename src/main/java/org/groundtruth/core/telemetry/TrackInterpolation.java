package org.groundtruth.core.telemetry;

import java.time.Duration;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The camera between two telemetry samples: latitude, longitude and altitudes linear in time, yaw angles along the
 * shorter arc (350° to 10° passes north, not south), pitch and roll linear. Telemetry is written a few times a second
 * while video runs at 25–60 frames, so a marker that only jumped at each sample would stutter; samples farther apart
 * than {@link #MAX_GAP_SECONDS} (a dropped link, a paused recording) are not bridged — the caller keeps the earlier
 * sample there instead of inventing a straight flight nobody recorded.
 */
public final class TrackInterpolation {
    /** Samples farther apart than this (seconds) are not interpolated across. */
    public static final double MAX_GAP_SECONDS = 2.0;

    private TrackInterpolation() {
    }

    /** True when a time between {@code a} and {@code b} may be interpolated (in order, gap at most 2 s). */
    public static boolean bridges(TelemetrySample a, TelemetrySample b) {
        double gap = b.timeSeconds() - a.timeSeconds();
        return gap > 0 && gap <= MAX_GAP_SECONDS + 1e-9;
    }

    /**
     * The sample at {@code timeSeconds}, strictly between {@code a} and {@code b} (which {@link #bridges} must
     * accept). It has no frame number of its own (its frame follows from its time) and keeps {@code a}'s exposure;
     * a value only one of the two samples has is held from {@code a} when {@code a} has it.
     */
    public static TelemetrySample between(TelemetrySample a, TelemetrySample b, double timeSeconds) {
        Require.present(a, "earlier sample");
        Require.present(b, "later sample");
        if (!bridges(a, b)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "samples at %.3f s and %.3f s are not interpolated across (gap over %.0f s or out of order)",
                    a.timeSeconds(), b.timeSeconds(), MAX_GAP_SECONDS));
        }
        Require.finiteInRange(timeSeconds, a.timeSeconds(), b.timeSeconds(), "time between samples (seconds)");
        double f = (timeSeconds - a.timeSeconds()) / (b.timeSeconds() - a.timeSeconds());
        double lat = a.lat() + f * (b.lat() - a.lat());
        double lon = a.lon() + f * shortestArc(a.lon(), b.lon());
        lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        Duration offset = Duration.ofNanos(Math.round((timeSeconds - a.timeSeconds()) * 1e9));
        return new TelemetrySample(Optional.empty(), timeSeconds, lat, lon,
                linear(a.altitudeMetres(), b.altitudeMetres(), f),
                linear(a.relativeAltitudeMetres(), b.relativeAltitudeMetres(), f),
                angle(a.yawDegrees(), b.yawDegrees(), f),
                linear(a.pitchDegrees(), b.pitchDegrees(), f),
                linear(a.rollDegrees(), b.rollDegrees(), f),
                angle(a.flightYawDegrees(), b.flightYawDegrees(), f),
                a.localTime().map(t -> t.plus(offset)),
                a.exposure(),
                a.relativeOrientation().map(ra -> b.relativeOrientation().map(rb -> orientation(ra, rb, f)).orElse(ra)),
                a.utcTime().map(t -> t.plus(offset)));
    }

    /** The signed difference from {@code from} to {@code to} in degrees along the shorter way, in (−180, 180]. */
    public static double shortestArc(double from, double to) {
        double d = ((to - from) % 360 + 360) % 360;
        return d > 180 ? d - 360 : d;
    }

    private static Optional<Double> linear(Optional<Double> a, Optional<Double> b, double f) {
        return a.map(x -> b.map(y -> x + f * (y - x)).orElse(x));
    }

    /** Along the shorter arc, kept near {@code a}'s convention (−180…180 stays so unless it crosses ±180). */
    private static Optional<Double> angle(Optional<Double> a, Optional<Double> b, double f) {
        return a.map(x -> b.map(y -> {
            double v = x + f * shortestArc(x, y);
            return v > 360 ? v - 360 : v < -360 ? v + 360 : v;
        }).orElse(x));
    }

    private static TelemetrySample.RelativeOrientation orientation(TelemetrySample.RelativeOrientation a,
            TelemetrySample.RelativeOrientation b, double f) {
        double yaw = a.yawDegrees() + f * shortestArc(a.yawDegrees(), b.yawDegrees());
        yaw = yaw > 180 ? yaw - 360 : yaw < -180 ? yaw + 360 : yaw;
        double roll = a.rollDegrees() + f * shortestArc(a.rollDegrees(), b.rollDegrees());
        roll = roll > 180 ? roll - 360 : roll < -180 ? roll + 360 : roll;
        return new TelemetrySample.RelativeOrientation(yaw, a.pitchDegrees() + f * (b.pitchDegrees() - a.pitchDegrees()),
                roll);
    }
}
