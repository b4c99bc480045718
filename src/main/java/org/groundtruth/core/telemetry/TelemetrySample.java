package org.groundtruth.core.telemetry;

import java.time.LocalDateTime;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * One point of a camera's track: the video frame it belongs to (from 0; absent when the frame rate is unknown),
 * the video time in seconds, the WGS84 position in degrees, absolute altitude (metres above sea level or the
 * ellipsoid, as the device writes it) and altitude relative to take-off in metres, the camera's (gimbal's) yaw,
 * pitch and roll in degrees (yaw clockwise from true north, pitch negative below the horizon, −90 straight down),
 * the aircraft's heading ({@code flightYaw}), the device's local clock (no zone), UTC when the device gives it, and the exposure when written.
 */
public record TelemetrySample(
        Optional<Integer> frame,
        double timeSeconds,
        double lat,
        double lon,
        Optional<Double> altitudeMetres,
        Optional<Double> relativeAltitudeMetres,
        Optional<Double> yawDegrees,
        Optional<Double> pitchDegrees,
        Optional<Double> rollDegrees,
        Optional<Double> flightYawDegrees,
        Optional<LocalDateTime> localTime,
        Exposure exposure,
        Optional<RelativeOrientation> relativeOrientation,
        Optional<java.time.Instant> utcTime) {

    public TelemetrySample {
        Require.present(frame, "frame").ifPresent(f -> Require.nonNegative(f, "frame"));
        Require.finiteInRange(timeSeconds, 0, 1e9, "time (seconds)");
        Require.finiteInRange(lat, -90, 90, "latitude");
        Require.finiteInRange(lon, -180, 180, "longitude");
        checkRange(altitudeMetres, -20_000, 1_000_000, "altitude");
        checkRange(relativeAltitudeMetres, -20_000, 1_000_000, "relative altitude");
        checkRange(yawDegrees, -360, 360, "yaw");
        checkRange(pitchDegrees, -180, 180, "pitch");
        checkRange(rollDegrees, -180, 180, "roll");
        checkRange(flightYawDegrees, -360, 360, "flight yaw");
        Require.present(localTime, "local time");
        Require.present(exposure, "exposure");
        Require.present(relativeOrientation, "relative orientation");
        Require.present(utcTime, "UTC time");
    }

    /** The time in UTC when the device wrote it as such (GPS time: GoPro {@code GPSU}). */
    public TelemetrySample withUtcTime(Optional<java.time.Instant> t) {
        return new TelemetrySample(frame, timeSeconds, lat, lon, altitudeMetres, relativeAltitudeMetres, yawDegrees,
                pitchDegrees, rollDegrees, flightYawDegrees, localTime, exposure, relativeOrientation, t);
    }

    private static void checkRange(Optional<Double> value, double min, double max, String field) {
        Require.present(value, field).ifPresent(v -> Require.finiteInRange(v, min, max, field));
    }

    /** A position with nothing else known; add the rest with the {@code with…} methods. */
    public static TelemetrySample at(double timeSeconds, double lat, double lon) {
        return new TelemetrySample(Optional.empty(), timeSeconds, lat, lon, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Exposure.NONE, Optional.empty(), Optional.empty());
    }

    public TelemetrySample withRelativeOrientation(Optional<RelativeOrientation> o) {
        return new TelemetrySample(frame, timeSeconds, lat, lon, altitudeMetres, relativeAltitudeMetres, yawDegrees,
                pitchDegrees, rollDegrees, flightYawDegrees, localTime, exposure, o, utcTime);
    }

    public TelemetrySample withFrame(Optional<Integer> f) {
        return new TelemetrySample(f, timeSeconds, lat, lon, altitudeMetres, relativeAltitudeMetres, yawDegrees,
                pitchDegrees, rollDegrees, flightYawDegrees, localTime, exposure, relativeOrientation, utcTime);
    }

    public TelemetrySample withAltitudes(Optional<Double> absolute, Optional<Double> relative) {
        return new TelemetrySample(frame, timeSeconds, lat, lon, absolute, relative, yawDegrees, pitchDegrees,
                rollDegrees, flightYawDegrees, localTime, exposure, relativeOrientation, utcTime);
    }

    public TelemetrySample withAngles(Optional<Double> yaw, Optional<Double> pitch, Optional<Double> roll,
            Optional<Double> flightYaw) {
        return new TelemetrySample(frame, timeSeconds, lat, lon, altitudeMetres, relativeAltitudeMetres, yaw, pitch,
                roll, flightYaw, localTime, exposure, relativeOrientation, utcTime);
    }

    public TelemetrySample withLocalTime(Optional<LocalDateTime> time) {
        return new TelemetrySample(frame, timeSeconds, lat, lon, altitudeMetres, relativeAltitudeMetres, yawDegrees,
                pitchDegrees, rollDegrees, flightYawDegrees, time, exposure, relativeOrientation, utcTime);
    }

    public TelemetrySample withExposure(Exposure e) {
        return new TelemetrySample(frame, timeSeconds, lat, lon, altitudeMetres, relativeAltitudeMetres, yawDegrees,
                pitchDegrees, rollDegrees, flightYawDegrees, localTime, e, relativeOrientation, utcTime);
    }

    public org.groundtruth.core.geo.LatLon position() {
        return new org.groundtruth.core.geo.LatLon(lat, lon);
    }

    /**
     * The camera's orientation relative to its orientation when recording started (GoPro {@code CORI}), as yaw,
     * pitch and roll in degrees. Not a compass heading: GoPro cameras do not know north.
     */
    public record RelativeOrientation(double yawDegrees, double pitchDegrees, double rollDegrees) {
        public RelativeOrientation {
            Require.finiteInRange(yawDegrees, -180, 180, "relative yaw");
            Require.finiteInRange(pitchDegrees, -90, 90, "relative pitch");
            Require.finiteInRange(rollDegrees, -180, 180, "relative roll");
        }
    }

    /** ISO, shutter as written ({@code 1/80.0}), f-number and focal length in millimetres, when the file has them. */
    public record Exposure(Optional<Integer> iso, Optional<String> shutter, Optional<Double> fNumber,
            Optional<Double> focalLengthMm) {
        public static final Exposure NONE = new Exposure(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public Exposure {
            Require.present(iso, "ISO").ifPresent(i -> Require.nonNegative(i, "ISO"));
            shutter = Require.present(shutter, "shutter").map(String::strip).filter(s -> !s.isEmpty());
            Require.present(fNumber, "f-number").ifPresent(f -> Require.finiteInRange(f, 0, 1000, "f-number"));
            Require.present(focalLengthMm, "focal length")
                    .ifPresent(f -> Require.finiteInRange(f, 0, 10_000, "focal length"));
        }
    }
}
