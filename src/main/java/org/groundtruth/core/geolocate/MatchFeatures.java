package org.groundtruth.core.geolocate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an accepted image match is written into its pin's matched features, so the case file can redraw the overlay
 * without the engine: inliers ("image-match inlier at frame pixel (x, y)") and the frame's four corners on the ground
 * ("image-match frame corner at frame pixel (x, y)"), each with the ground point it maps to.
 */
public final class MatchFeatures {
    public static final String INLIER = "image-match inlier";
    public static final String CORNER = "image-match frame corner";
    private static final Pattern PIXEL = Pattern.compile("^(image-match (?:inlier|frame corner)) at frame pixel \\((-?[0-9.]+), (-?[0-9.]+)\\)$");

    private MatchFeatures() {
    }

    public static String describe(String kind, double frameX, double frameY) {
        return String.format(Locale.ROOT, "%s at frame pixel (%.0f, %.0f)", kind, frameX, frameY);
    }

    /** A feature written by {@link #describe}: its kind and frame pixel. */
    public record FramePixel(String kind, double x, double y) {
        public boolean isCorner() {
            return CORNER.equals(kind);
        }
    }

    public static Optional<FramePixel> parse(String description) {
        Matcher m = PIXEL.matcher(description.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FramePixel(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
