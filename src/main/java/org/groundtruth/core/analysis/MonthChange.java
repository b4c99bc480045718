package org.groundtruth.core.analysis;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * A month compared with the month before it: the difference and, when the previous month had any incidents,
 * the change in percent (+200 means three times as many). After an empty month there is no percentage.
 */
public record MonthChange(long previous, long current) {
    public MonthChange {
        Require.nonNegative(previous, "previous month's count");
        Require.nonNegative(current, "this month's count");
    }

    public long delta() {
        return current - previous;
    }

    public Optional<Double> percent() {
        return previous == 0 ? Optional.empty() : Optional.of(100.0 * (current - previous) / previous);
    }

    /** {@code +200%}, {@code −50%}, {@code ±0%}, or {@code +3} after an empty month. */
    public String text() {
        if (previous == 0) {
            return current == 0 ? "±0" : "+" + current;
        }
        long rounded = Math.round(percent().orElseThrow());
        return (rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "±") + Math.abs(rounded) + "%";
    }
}
