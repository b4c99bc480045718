package org.groundtruth.core.verify;

import java.time.Instant;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;

/** A span of time (UTC) during which the sun matches a measured shadow. */
public record TimeWindow(Instant from, Instant to) {
    public TimeWindow {
        Require.present(from, "from");
        Require.present(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidInput("validation.windowBackwards");
        }
    }
}
