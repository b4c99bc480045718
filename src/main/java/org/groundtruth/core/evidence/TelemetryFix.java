package org.groundtruth.core.evidence;

import java.time.LocalDateTime;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * One sample of a drone telemetry track: its sequence number in the file (from 1), the video time it covers in
 * seconds from the start of the recording, the device clock when written (local time, no zone in the file),
 * and the position.
 */
public record TelemetryFix(int sequence, double videoTimeSeconds, Optional<LocalDateTime> deviceTime, GpsFix position) {
    public TelemetryFix {
        Require.nonNegative(sequence, "sequence");
        Require.finiteInRange(videoTimeSeconds, 0, 1e9, "video time");
        Require.present(deviceTime, "device time");
        Require.present(position, "position");
    }
}
