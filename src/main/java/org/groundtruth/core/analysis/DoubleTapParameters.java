package org.groundtruth.core.analysis;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;

/**
 * What counts as a follow-up strike: within {@code radiusMeters} (geodesic, WGS84) of an earlier strike and at
 * most {@code window} after it. Both limits are inclusive. Defaults: 500 m and 3 hours.
 */
public record DoubleTapParameters(double radiusMeters, Duration window) {
    public static final double MAX_RADIUS_METERS = 1_000_000;
    public static final Duration MAX_WINDOW = Duration.ofDays(365);
    public static final DoubleTapParameters DEFAULT = new DoubleTapParameters(500, Duration.ofHours(3));

    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");

    public DoubleTapParameters {
        if (!Double.isFinite(radiusMeters) || radiusMeters < 0 || radiusMeters > MAX_RADIUS_METERS) {
            throw new InvalidInput("validation.radius", (long) MAX_RADIUS_METERS, radiusMeters);
        }
        Require.present(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInput("validation.window", window);
        }
        if (window.getNano() != 0) {
            throw new InvalidInput("validation.windowSeconds", window);
        }
    }

    public long windowSeconds() {
        return window.getSeconds();
    }

    /**
     * Parses a duration as people type it: {@code 3h}, {@code 90m}, {@code 45s}, {@code 2d}, {@code 1h30m}, or ISO-8601
     * ({@code PT3H}), also with Ukrainian units ({@code 3 год}, {@code 90 хв}, {@code 45 с}, {@code 2 дн},
     * {@code 1 год 30 хв}). A bare number is refused: minutes or hours would be a guess.
     */
    public static Duration parseDuration(String text, String input) {
        String t = ukrainianUnits(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw badDuration(text, input);
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (t.isEmpty() || end != t.length()) {
            throw badDuration(text, input);
        }
        return total;
    }

    /** {@code 3h}, {@code 1h30m}, {@code 45s}: the short form {@link #parseDuration} reads back. */
    public static String formatDuration(Duration d) {
        long s = d.getSeconds();
        StringBuilder out = new StringBuilder();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0 || out.length() == 0) {
            out.append(seconds).append('s');
        }
        return out.toString();
    }

    /** {@code 1 год 30 хв} → {@code 1h30m}; text without Ukrainian units is returned as it was. */
    private static String ukrainianUnits(String t) {
        if (!UKRAINIAN_UNIT.matcher(t).find()) {
            return t;
        }
        return t.replaceAll("(\\d)\\s+(?=\\p{IsCyrillic})", "$1").replaceAll("(?<=\\d)год\\.?", "h")
                .replaceAll("(?<=\\d)хв\\.?", "m").replaceAll("(?<=\\d)(?:дн|д)\\.?", "d")
                .replaceAll("(?<=\\d)с\\.?", "s").replaceAll("\\s+", "");
    }

    private static final Pattern UKRAINIAN_UNIT = Pattern.compile("\\d\\s*(?:год|хв|дн|д|с)");

    private static BadInputException badDuration(String text, String input) {
        return InvalidInput.of("validation.duration", input, text);
    }
}
