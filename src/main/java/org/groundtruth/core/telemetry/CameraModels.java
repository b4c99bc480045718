package org.groundtruth.core.telemetry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fields of view of common drone and action cameras, from the makers' specifications (diagonal field of view of
 * the photo sensor, degrees), turned into a horizontal field of view for a frame's aspect ratio. Models not in the
 * table are asked for once by the caller.
 */
public final class CameraModels {
    private record Entry(String match, String name, double diagonalFovDegrees) {
    }

    /** Matched as case-insensitive substrings of the EXIF/container model name, first match wins. */
    private static final List<Entry> TABLE = List.of(
            new Entry("fc300", "DJI Phantom 3 (FC300S/X)", 94),
            new Entry("fc330", "DJI Phantom 4 (FC330)", 94),
            new Entry("fc6310", "DJI Phantom 4 Pro (FC6310)", 84),
            new Entry("fc220", "DJI Mavic Pro (FC220)", 78.8),
            new Entry("fc2103", "DJI Mavic Air (FC2103)", 85),
            new Entry("fc7203", "DJI Mavic Mini (FC7203)", 83),
            new Entry("fc3170", "DJI Mavic Air 2 (FC3170)", 84),
            new Entry("fc3411", "DJI Air 2S (FC3411)", 88),
            new Entry("fc3582", "DJI Mini 3 Pro (FC3582)", 82.1),
            new Entry("l2d-20c", "DJI Mavic 3 (L2D-20c)", 84),
            new Entry("hasselblad l1d", "DJI Mavic 2 Pro (L1D-20c)", 77),
            new Entry("m2ea", "DJI Mavic 2 Enterprise Advanced", 84),
            new Entry("m2ed", "DJI Mavic 2 Enterprise Dual", 85),
            new Entry("gopro max", "GoPro Max (HERO mode, wide)", 122.6),
            new Entry("hero", "GoPro HERO (wide)", 122.6),
            new Entry("xt701", "Autel EVO II (XT701)", 82),
            new Entry("evo ii", "Autel EVO II", 82),
            new Entry("evo lite", "Autel EVO Lite", 82));

    private CameraModels() {
    }

    /** The horizontal field of view in degrees for {@code model} at {@code aspectRatio} (width / height). */
    public static Optional<Double> horizontalFov(String model, double aspectRatio) {
        return find(model).map(e -> horizontalFromDiagonal(e.diagonalFovDegrees(), aspectRatio));
    }

    /** The table's name for {@code model}, when known. */
    public static Optional<String> name(String model) {
        return find(model).map(Entry::name);
    }

    /** Horizontal field of view of a rectilinear lens with the given diagonal field of view. */
    public static double horizontalFromDiagonal(double diagonalDegrees, double aspectRatio) {
        double halfDiagonal = Math.tan(Math.toRadians(diagonalDegrees / 2));
        double halfWidth = halfDiagonal * aspectRatio / Math.hypot(aspectRatio, 1);
        return Math.toDegrees(2 * Math.atan(halfWidth));
    }

    private static Optional<Entry> find(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        return TABLE.stream().filter(e -> m.contains(e.match())).findFirst();
    }
}
