package org.groundtruth.core.telemetry;

import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.LatLon;

/**
 * A pin the metadata proposes and the analyst confirms (or corrects) in the pin form: the target, its precision
 * radius in metres, the camera when known, the method in words, and the source (which file, which frame, which
 * reading) that goes into the custody log with the pin. Never accepted by itself: metadata can be forged or wrong.
 */
public record PinSuggestion(LatLon target, double precisionMeters, Optional<CameraView> camera, String method,
        String source) {
    /** A phone or camera GPS fix is good to about this many metres in the open. */
    public static final double PHOTO_GPS_METERS = 15;
    /** Footprint centres are never claimed more precisely than this. */
    public static final double MIN_FOOTPRINT_METERS = 10;

    public PinSuggestion {
        Require.present(target, "target");
        Require.finiteInRange(precisionMeters, 0.1, 1_000_000, "precision (metres)");
        Require.present(camera, "camera");
        method = Require.nonBlank(method, "method", 2000);
        source = Require.nonBlank(source, "source", 1000);
    }

    /**
     * The centre of the camera's footprint at a frame: the target is what the frame's centre shows, the camera is the
     * drone's position with the camera's yaw and horizontal field of view.
     */
    public static PinSuggestion fromFootprint(FlightReplay.Moment moment, long frame, String evidenceName,
            String evidenceId, String format) {
        Footprint footprint = moment.footprint().orElseThrow(() -> new IllegalArgumentException(
                "no footprint at this frame: " + moment.footprintNote()));
        CameraPose pose = moment.pose().orElseThrow();
        double bearing = ((pose.yawDegrees() % 360) + 360) % 360;
        String source = String.format(Locale.ROOT, "telemetry (%s) of %s (%s) at frame %d", format, evidenceName,
                evidenceId, frame);
        String method = String.format(Locale.ROOT, "Camera from telemetry at frame %d (%s of %s): the frame centre on"
                + " flat ground at take-off elevation, %.0f m below the drone, yaw %.1f°, pitch %.1f°, field of view"
                + " %.1f°, ±%.0f m. Suggested from metadata; confirm against imagery.", frame, format, evidenceName,
                pose.heightAboveGroundMetres(), pose.yawDegrees(), pose.pitchDegrees(), pose.horizontalFovDegrees(),
                footprint.uncertaintyMeters());
        double precision = Math.min(1_000_000, Math.max(MIN_FOOTPRINT_METERS, Math.ceil(footprint.uncertaintyMeters())));
        return new PinSuggestion(footprint.centre(), precision, Optional.of(new CameraView(pose.position(),
                bearing == 360 ? 0 : bearing, Math.min(180, pose.horizontalFovDegrees()))), method, source);
    }

    /**
     * The centre of a drone photo's ground footprint (DJI XMP gimbal yaw and pitch, height above take-off): the target
     * is what the photo's centre shows, the camera is the drone's position with its yaw and field of view.
     */
    public static PinSuggestion fromPhotoFootprint(FlightReplay.Moment moment, String evidenceName, String evidenceId,
            String format) {
        Footprint footprint = moment.footprint().orElseThrow(() -> new IllegalArgumentException(
                "no footprint for this photo: " + moment.footprintNote()));
        CameraPose pose = moment.pose().orElseThrow();
        double bearing = ((pose.yawDegrees() % 360) + 360) % 360;
        String source = String.format(Locale.ROOT, "photo camera (%s) of %s (%s)", format, evidenceName, evidenceId);
        String method = String.format(Locale.ROOT, "Camera from the photo's metadata (%s of %s): the photo centre on"
                + " flat ground at take-off elevation, %.0f m below the drone, yaw %.1f°, pitch %.1f°, field of view"
                + " %.1f°, ±%.0f m. Suggested from metadata; confirm against imagery.", format, evidenceName,
                pose.heightAboveGroundMetres(), pose.yawDegrees(), pose.pitchDegrees(), pose.horizontalFovDegrees(),
                footprint.uncertaintyMeters());
        double precision = Math.min(1_000_000, Math.max(MIN_FOOTPRINT_METERS, Math.ceil(footprint.uncertaintyMeters())));
        return new PinSuggestion(footprint.centre(), precision, Optional.of(new CameraView(pose.position(),
                bearing == 360 ? 0 : bearing, Math.min(180, pose.horizontalFovDegrees()))), method, source);
    }

    /** Where a photo was taken, from its GPS: the target is the camera's own position (refine it to what it shows). */
    public static PinSuggestion fromPhoto(LatLon position, String gpsSource, Optional<Double> directionDegrees,
            Optional<Double> fieldOfViewDegrees, String evidenceName, String evidenceId) {
        Optional<CameraView> camera = directionDegrees.filter(Double::isFinite).map(d -> new CameraView(position,
                ((d % 360) + 360) % 360 == 360 ? 0 : ((d % 360) + 360) % 360,
                fieldOfViewDegrees.filter(f -> f > 0 && f <= 180).orElse(60.0)));
        String source = String.format(Locale.ROOT, "photo GPS (%s) of %s (%s)", gpsSource, evidenceName, evidenceId);
        String method = String.format(Locale.ROOT, "Camera position from the photo's GPS (%s of %s)%s. Suggested from"
                + " metadata: the target is where the photographer stood; move it to what the photo shows and confirm"
                + " against imagery.", gpsSource, evidenceName,
                directionDegrees.map(d -> String.format(Locale.ROOT, ", looking %.0f°", d)).orElse(""));
        return new PinSuggestion(position, PHOTO_GPS_METERS, camera, method, source);
    }
}
