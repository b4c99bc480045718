package org.groundtruth.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The verdict of a sun check on its claimed time: whether the claimed time falls in one of the windows of the day
 * during which the sun casts shadows along the measured bearing. The windows have minute resolution (their
 * {@code to} is the last matching minute), so a claimed time fits while it is before the end of that minute.
 */
public record ShadowVerdict(double shadowBearingDegrees, Instant claimedAt, List<TimeWindow> windows,
        boolean claimedTimeFits) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Duration RESOLUTION = Duration.ofMinutes(1);

    public ShadowVerdict {
        Require.finiteInRange(shadowBearingDegrees, 0, 360, "shadow bearing");
        Require.present(claimedAt, "claimed time");
        windows = List.copyOf(Require.present(windows, "matching windows"));
        if (claimedTimeFits != fits(claimedAt, windows)) {
            throw new IllegalArgumentException("verdict does not follow from the matching windows");
        }
    }

    /** The verdict of a saved check; empty when no shadow bearing was measured (nothing to compare). */
    public static Optional<ShadowVerdict> of(Chronolocation check) {
        return check.shadowBearingDegrees().map(b -> new ShadowVerdict(b, check.claimedAt(), check.matchingWindows(),
                fits(check.claimedAt(), check.matchingWindows())));
    }

    /** The matching windows as UTC clock times, "06:06–06:49, 15:10–15:20"; empty when there are none. */
    public String windowsText() {
        return String.join(", ", windows.stream().map(w -> clock(w.from()) + "\u2013" + clock(w.to())).toList());
    }

    /** The claimed time as a UTC clock time, "08:25". */
    public String claimedText() {
        return clock(claimedAt);
    }

    /** The measured bearing as a whole number of degrees, "300". */
    public String bearingText() {
        return String.format(Locale.ROOT, "%.0f", shadowBearingDegrees);
    }

    private static String clock(Instant t) {
        return CLOCK.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Whether {@code time} falls in one of {@code windows} (each window's last minute included whole). */
    public static boolean fits(Instant time, List<TimeWindow> windows) {
        return windows.stream().anyMatch(w -> !time.isBefore(w.from()) && time.isBefore(w.to().plus(RESOLUTION)));
    }
}
