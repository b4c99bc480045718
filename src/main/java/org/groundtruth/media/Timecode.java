package org.groundtruth.media;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Frame numbers and times as investigators type and read them: {@code HH:MM:SS.mmm}, seconds, or {@code #frame}. */
public final class Timecode {
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:[.,]\\d+)?)");

    private Timecode() {
    }

    /** {@code 00:01:02.345}. */
    public static String format(double seconds) {
        long millis = Math.round(Math.max(0, seconds) * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, (millis / 60_000) % 60,
                (millis / 1000) % 60, millis % 1000);
    }

    /** Seconds from {@code 1:02.5}, {@code 00:01:02.345} or {@code 62.345}; empty when it is neither. */
    public static Optional<Double> parseSeconds(String text) {
        String t = text.strip();
        Matcher m = CLOCK.matcher(t);
        if (m.matches()) {
            double hours = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
            double minutes = Double.parseDouble(m.group(2));
            double seconds = Double.parseDouble(m.group(3).replace(',', '.'));
            if (minutes >= 60 || seconds >= 60) {
                return Optional.empty();
            }
            return Optional.of(hours * 3600 + minutes * 60 + seconds);
        }
        if (t.matches("\\d+(?:[.,]\\d+)?")) {
            return Optional.of(Double.parseDouble(t.replace(',', '.')));
        }
        return Optional.empty();
    }

    /** The frame shown at {@code seconds} at {@code frameRate}: frames cover [n/fps, (n+1)/fps). */
    public static long frameAt(double seconds, double frameRate) {
        return (long) Math.floor(seconds * frameRate + 1e-6);
    }
}
