package org.groundtruth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.TelemetrySample;

/**
 * {@code groundtruth telemetry --json}: one object per sample with {@code frame, time, lat, lon, altitude,
 * relativeAltitude, yaw, pitch, roll, flightYaw} (absent values omitted), plus {@code localTime} (the device
 * clock, no zone) and the GoPro {@code relativeYaw/relativePitch/relativeRoll} when the file has them.
 */
final class TrackJson {
    private TrackJson() {
    }

    static ArrayNode samples(FlightTrack track) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (TelemetrySample s : track.samples()) {
            ObjectNode o = array.addObject();
            s.frame().ifPresent(f -> o.put("frame", f));
            o.put("time", round(s.timeSeconds(), 1e3));
            o.put("lat", s.lat());
            o.put("lon", s.lon());
            put(o, "altitude", s.altitudeMetres());
            put(o, "relativeAltitude", s.relativeAltitudeMetres());
            put(o, "yaw", s.yawDegrees());
            put(o, "pitch", s.pitchDegrees());
            put(o, "roll", s.rollDegrees());
            put(o, "flightYaw", s.flightYawDegrees());
            s.localTime().ifPresent(t -> o.put("localTime", t.toString()));
            s.utcTime().ifPresent(t -> o.put("utcTime", t.toString()));
            s.relativeOrientation().ifPresent(r -> {
                o.put("relativeYaw", round(r.yawDegrees(), 1e2));
                o.put("relativePitch", round(r.pitchDegrees(), 1e2));
                o.put("relativeRoll", round(r.rollDegrees(), 1e2));
            });
            s.exposure().iso().ifPresent(i -> o.put("iso", i));
            s.exposure().shutter().ifPresent(v -> o.put("shutter", v));
            s.exposure().fNumber().ifPresent(v -> o.put("fNumber", v));
            s.exposure().focalLengthMm().ifPresent(v -> o.put("focalLength", v));
        }
        return array;
    }

    private static void put(ObjectNode o, String key, Optional<Double> value) {
        value.ifPresent(v -> o.put(key, v));
    }

    private static double round(double v, double factor) {
        return Math.round(v * factor) / factor;
    }
}
