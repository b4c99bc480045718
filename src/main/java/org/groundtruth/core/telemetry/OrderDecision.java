package org.groundtruth.core.telemetry;

import org.groundtruth.core.Require;

/**
 * Which order was chosen for {@code GPS(a,b)} lines, by which rule ({@code override}, {@code value-range},
 * {@code container-gps}, {@code model}, {@code settlements}, {@code default}) and why, in words.
 */
public record OrderDecision(CoordinateOrder order, String rule, String reason) {
    public OrderDecision {
        Require.present(order, "order");
        rule = Require.nonBlank(rule, "rule", 50);
        reason = Require.nonBlank(reason, "reason", 1000);
    }
}
