package org.groundtruth.core.checks;

import java.time.Instant;
import org.groundtruth.core.Require;

/** An analyst's rationale for a red flag (logged); the flag stays visible beside it. */
public record Explanation(String rationale, String analyst, Instant explainedAt) {
    public Explanation {
        rationale = Require.nonBlank(rationale, "rationale", 10_000).strip();
        analyst = Require.nonBlank(analyst, "analyst", 200);
        Require.present(explainedAt, "explained at");
    }
}
