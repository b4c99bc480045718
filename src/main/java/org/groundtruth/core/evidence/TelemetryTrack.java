package org.groundtruth.core.evidence;

import java.util.List;
import org.groundtruth.core.Require;

/**
 * The positions read from a telemetry sidecar (DJI SRT), in file order, and warnings about what could not be read
 * (a truncated last block, lines without a position). A truncated file still gives the fixes read so far.
 */
public record TelemetryTrack(List<TelemetryFix> fixes, int blocks, List<String> warnings) {
    public TelemetryTrack {
        fixes = List.copyOf(Require.present(fixes, "fixes"));
        Require.nonNegative(blocks, "blocks");
        warnings = List.copyOf(Require.present(warnings, "warnings"));
    }
}
