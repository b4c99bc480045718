package org.groundtruth.media.insignia;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.groundtruth.core.verify.InsigniaType;

/**
 * A template made ready for scanning: its picture at a working size, its dominant hues (the colour pre-filter looks
 * for those first), and rotated variants, each cropped to the emblem with the box of its coloured part (which
 * gives the scale from a coloured blob's size). A template with an alpha channel is matched under that mask; an
 * opaque one as a whole rectangle. Templates that look the same turned by 90° (crosses, the Star of Life) are
 * rotated through 90° only.
 */
final class PreparedTemplate implements AutoCloseable {
    /** Working size of the longer side: enough detail for correlation, small enough to rotate and scale fast. */
    static final int WORKING_SIDE = 96;
    private static final int ANGLE_STEP_DEGREES = 15;
    /** Share of opaque pixels that must be coloured for the colour pre-filter to apply. */
    private static final double MIN_COLOURED_SHARE = 0.08;

    /**
     * One rotation: the picture, its mask, the box of its coloured part inside it and that part's shape (255 where
     * coloured, cropped to the box, and its share of the box) — compared with a coloured blob's shape before any correlation.
     */
    record Variant(int angleDegrees, Mat bgr, Mat mask, Rect colouredBox, Mat colourShape, double colourFill,
            boolean[] shapeGrid, ShapeMoments colourMoments, boolean[] smallShapeGrid, double smallColourFill,
            ScaledTemplates sizes) {
        /** This rotation resized to tw×th with its mask, made once and shared by every blob and frame. */
        ScaledTemplates.Scaled scaled(int tw, int th) {
            return sizes.of(bgr, mask, tw, th);
        }
    }

    /** Side of the square grid coloured shapes are compared on (each stretched to it, as to the blob's box). */
    static final int SHAPE_GRID = 24;

    /** A binary mask stretched to {@link #SHAPE_GRID} squared: true where coloured. */
    static boolean[] shapeGrid(Mat binary) {
        try (Mat small = new Mat()) {
            opencv_imgproc.resize(binary, small, new Size(SHAPE_GRID, SHAPE_GRID), 0, 0, opencv_imgproc.INTER_AREA);
            byte[] bytes = new byte[SHAPE_GRID * SHAPE_GRID];
            try (Mat continuous = small.isContinuous() ? small.clone() : small.clone()) {
                continuous.data().get(bytes);
            }
            boolean[] grid = new boolean[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                grid[i] = (bytes[i] & 0xff) >= 128;
            }
            return grid;
        }
    }

    private final String name;
    private final InsigniaType type;
    private final List<HueRange> hues;
    private final List<Variant> variants;
    private final Mat working;
    private final Optional<FeatureTemplate> features;

    private PreparedTemplate(String name, InsigniaType type, Mat working, List<HueRange> hues, List<Variant> variants,
            Optional<FeatureTemplate> features) {
        this.name = name;
        this.type = type;
        this.working = working;
        this.hues = List.copyOf(hues);
        this.variants = List.copyOf(variants);
        this.features = features;
    }

    /** Prepares an encoded picture (PNG with or without alpha, JPEG…). */
    static PreparedTemplate of(String name, InsigniaType type, byte[] encoded) {
        Mat image = OpenCvImages.decode(encoded, "template " + name);
        Mat bgr = new Mat();
        Mat mask = new Mat();
        if (image.channels() == 4) {
            opencv_imgproc.cvtColor(image, bgr, opencv_imgproc.COLOR_BGRA2BGR);
            try (MatVector planes = new MatVector()) {
                opencv_core.split(image, planes);
                opencv_imgproc.threshold(planes.get(3), mask, 127, 255, opencv_imgproc.THRESH_BINARY);
            }
        } else if (image.channels() == 1) {
            opencv_imgproc.cvtColor(image, bgr, opencv_imgproc.COLOR_GRAY2BGR);
            mask = new Mat(image.rows(), image.cols(), opencv_core.CV_8UC1, new Scalar(255));
        } else {
            bgr = image.clone();
            mask = new Mat(image.rows(), image.cols(), opencv_core.CV_8UC1, new Scalar(255));
        }
        image.close();
        if (bgr.cols() < 8 || bgr.rows() < 8) {
            throw new IllegalArgumentException("template " + name + " is " + bgr.cols() + "x" + bgr.rows()
                    + " pixels; draw a box of at least 8x8");
        }
        double scale = (double) WORKING_SIDE / Math.max(bgr.cols(), bgr.rows());
        Size size = new Size(Math.max(8, (int) Math.round(bgr.cols() * scale)), Math.max(8, (int) Math.round(bgr.rows() * scale)));
        Mat small = new Mat();
        Mat smallMask = new Mat();
        opencv_imgproc.resize(bgr, small, size, 0, 0, opencv_imgproc.INTER_AREA);
        opencv_imgproc.resize(mask, smallMask, size, 0, 0, opencv_imgproc.INTER_NEAREST);
        if (opencv_core.countNonZero(smallMask) < 32) {
            bgr.close();
            mask.close();
            throw new IllegalArgumentException("template " + name + " is almost fully transparent");
        }
        List<HueRange> hues = dominantHues(small, smallMask);
        // local features from the picture as given (before it is reduced to the working size), for detailed emblems
        Optional<FeatureTemplate> features = FeatureTemplate.of(bgr, mask, hues);
        bgr.close();
        mask.close();
        int sweep = looksTheSameTurnedBy90(small, smallMask) ? 90 : 360;
        List<Variant> variants = new ArrayList<>();
        for (int angle = 0; angle < sweep; angle += ANGLE_STEP_DEGREES) {
            variants.add(rotate(small, smallMask, hues, angle));
        }
        smallMask.close();
        return new PreparedTemplate(name, type, small, hues, variants, features);
    }

    String name() {
        return name;
    }

    InsigniaType type() {
        return type;
    }

    List<HueRange> hues() {
        return hues;
    }

    boolean coloured() {
        return !hues.isEmpty();
    }

    List<Variant> variants() {
        return variants;
    }

    /**
     * Local features for the homography stage (decision 1830); empty for a template with too few keypoints (the
     * starter set's flat symbols).
     */
    Optional<FeatureTemplate> features() {
        return features;
    }

    /** The picture at working size (BGR). */
    Mat working() {
        return working;
    }

    /** Pixels of {@code bgr} whose hue falls in one of {@code ranges} (255) — the colour pre-filter's mask. */
    static Mat colourMask(Mat bgr, List<HueRange> ranges) {
        try (Mat chromatic = new Mat(); Mat hue = new Mat()) {
            chromaticAndHue(bgr, chromatic, hue);
            return colourMask(chromatic, hue, ranges);
        }
    }

    /**
     * Splits a frame for the colour pre-filter: {@code chromatic} is 255 where a pixel is saturated and bright
     * enough to have a hue at all, {@code hue} is OpenCV's hue (0..179). Thresholds per channel rather than
     * {@code inRange} with 1x1 three-channel bounds: those compared only the first channel here, so white and grey
     * pixels (hue 0) passed as red.
     */
    static void chromaticAndHue(Mat bgr, Mat chromatic, Mat hue) {
        try (Mat hsv = new Mat(); MatVector planes = new MatVector(); Mat saturated = new Mat()) {
            opencv_imgproc.cvtColor(bgr, hsv, opencv_imgproc.COLOR_BGR2HSV);
            opencv_core.split(hsv, planes);
            opencv_imgproc.threshold(planes.get(1), saturated, HueRange.MIN_SATURATION - 1, 255, opencv_imgproc.THRESH_BINARY);
            opencv_imgproc.threshold(planes.get(2), chromatic, HueRange.MIN_VALUE - 1, 255, opencv_imgproc.THRESH_BINARY);
            opencv_core.bitwise_and(chromatic, saturated, chromatic);
            planes.get(0).copyTo(hue);
        }
    }

    /** The colour mask from a split frame: a lookup table over hue, and-ed with the chromatic mask. */
    static Mat colourMask(Mat chromatic, Mat hue, List<HueRange> ranges) {
        byte[] table = new byte[256];
        for (HueRange range : ranges) {
            for (int h = 0; h < 180; h++) {
                boolean in = range.wraps() ? h >= range.low() || h <= range.high() : h >= range.low() && h <= range.high();
                if (in) {
                    table[h] = (byte) 255;
                }
            }
        }
        Mat result = new Mat();
        try (Mat lut = new Mat(1, 256, opencv_core.CV_8UC1)) {
            lut.data().put(table);
            opencv_core.LUT(hue, lut, result);
            opencv_core.bitwise_and(result, chromatic, result);
        }
        return result;
    }

    /**
     * Hue bands holding at least a quarter of the template's coloured pixels, when coloured pixels are a real part
     * of it; none for black-and-white emblems and lettering.
     */
    private static List<HueRange> dominantHues(Mat bgr, Mat mask) {
        int[] histogram = new int[18];
        int coloured = 0;
        int opaque = 0;
        try (Mat hsv = new Mat()) {
            opencv_imgproc.cvtColor(bgr, hsv, opencv_imgproc.COLOR_BGR2HSV);
            UByteIndexer pixels = hsv.createIndexer();
            UByteIndexer visible = mask.createIndexer();
            for (int y = 0; y < hsv.rows(); y++) {
                for (int x = 0; x < hsv.cols(); x++) {
                    if (visible.get(y, x) == 0) {
                        continue;
                    }
                    opaque++;
                    if (pixels.get(y, x, 1) >= HueRange.MIN_SATURATION + 20 && pixels.get(y, x, 2) >= HueRange.MIN_VALUE + 20) {
                        histogram[Math.min(17, pixels.get(y, x, 0) / 10)]++;
                        coloured++;
                    }
                }
            }
            pixels.close();
            visible.close();
        }
        List<HueRange> ranges = new ArrayList<>();
        if (coloured < MIN_COLOURED_SHARE * opaque) {
            return ranges;
        }
        for (int bin = 0; bin < 18; bin++) {
            if (histogram[bin] >= coloured / 4) {
                int centre = bin * 10 + 5;
                ranges.add(new HueRange(Math.floorMod(centre - 14, 180), Math.floorMod(centre + 14, 180)));
            }
        }
        return ranges;
    }

    private static boolean looksTheSameTurnedBy90(Mat bgr, Mat mask) {
        if (bgr.rows() != bgr.cols()) {
            return false;
        }
        try (Mat turned = new Mat(); Mat turnedMask = new Mat(); Mat gray = new Mat(); Mat turnedGray = new Mat();
                Mat result = new Mat()) {
            opencv_core.rotate(bgr, turned, opencv_core.ROTATE_90_CLOCKWISE);
            opencv_core.rotate(mask, turnedMask, opencv_core.ROTATE_90_CLOCKWISE);
            if (opencv_core.norm(mask, turnedMask, opencv_core.NORM_L1, new Mat()) > 0.05 * 255 * mask.total()) {
                return false;
            }
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.cvtColor(turned, turnedGray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.matchTemplate(gray, turnedGray, result, opencv_imgproc.TM_CCOEFF_NORMED);
            double similarity = result.createIndexer() instanceof org.bytedeco.javacpp.indexer.FloatIndexer f ? f.get(0, 0) : 0;
            return similarity >= 0.9;
        }
    }

    private static Variant rotate(Mat bgr, Mat mask, List<HueRange> hues, int angle) {
        int side = (int) Math.ceil(Math.hypot(bgr.cols(), bgr.rows())) + 2;
        Mat canvas = new Mat(side, side, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0));
        Mat canvasMask = Mat.zeros(side, side, opencv_core.CV_8UC1).asMat();
        Rect place = new Rect((side - bgr.cols()) / 2, (side - bgr.rows()) / 2, bgr.cols(), bgr.rows());
        bgr.copyTo(canvas.apply(place));
        mask.copyTo(canvasMask.apply(place));
        Mat turn = opencv_imgproc.getRotationMatrix2D(new Point2f(side / 2f, side / 2f), angle, 1);
        Mat rotated = new Mat();
        Mat rotatedMask = new Mat();
        opencv_imgproc.warpAffine(canvas, rotated, turn, new Size(side, side), opencv_imgproc.INTER_LINEAR,
                opencv_core.BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        opencv_imgproc.warpAffine(canvasMask, rotatedMask, turn, new Size(side, side), opencv_imgproc.INTER_NEAREST,
                opencv_core.BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        Rect emblem = opencv_imgproc.boundingRect(rotatedMask);
        Mat croppedBgr = rotated.apply(emblem).clone();
        Mat croppedMask = rotatedMask.apply(emblem).clone();
        Rect colouredBox;
        Mat colourShape;
        if (hues.isEmpty()) {
            colouredBox = new Rect(0, 0, croppedBgr.cols(), croppedBgr.rows());
            colourShape = croppedMask.clone();
        } else {
            try (Mat colour = colourMask(croppedBgr, hues)) {
                opencv_core.bitwise_and(colour, croppedMask, colour);
                Rect box = opencv_imgproc.boundingRect(colour);
                colouredBox = box.width() > 0 ? box : new Rect(0, 0, croppedBgr.cols(), croppedBgr.rows());
                colourShape = colour.apply(colouredBox).clone();
            }
        }
        canvas.close();
        canvasMask.close();
        rotated.close();
        rotatedMask.close();
        turn.close();
        double fill = (double) opencv_core.countNonZero(colourShape) / Math.max(1, colourShape.total());
        boolean[] smallGrid = shapeGrid(colourShape);
        double smallFill = fill;
        if (!hues.isEmpty()) {
            try (Mat small = smallColourShape(croppedBgr, croppedMask, hues)) {
                if (!small.empty()) {
                    smallGrid = shapeGrid(small);
                    smallFill = (double) opencv_core.countNonZero(small) / Math.max(1, small.total());
                }
            }
        }
        return new Variant(angle, croppedBgr, croppedMask, colouredBox, colourShape, fill, shapeGrid(colourShape),
                ShapeMoments.of(colourShape, colouredBox.x(), colouredBox.y()), smallGrid, smallFill, new ScaledTemplates());
    }

    /** Longest side at which a small emblem's coloured shape is modelled. */
    private static final int SMALL_SIDE = 26;
    /** Blobs up to this many pixels across are compared with the small soft shape as well as the sharp one. */
    static final int SMALL_BLOB_SIDE = 2 * SMALL_SIDE;
    /** Softness of a small emblem seen through a camera and a video codec (blur, half-resolution colour), in its pixels. */
    private static final double SMALL_BLUR_SIGMA = 0.9;

    /**
     * The coloured shape of this rotation as it comes out of a small, soft video frame: drawn at {@value #SMALL_SIDE} px,
     * blurred, its colour at half resolution (as H.264 stores it), then masked and closed as a frame is. Thin parts
     * (the crescent's horns) fade below the saturation threshold there, so the blob of a small crescent is fatter
     * and shorter than the template's sharp mask, and the shape check rejected it though it correlated well.
     */
    private static Mat smallColourShape(Mat bgr, Mat mask, List<HueRange> hues) {
        double f = (double) SMALL_SIDE / Math.max(bgr.cols(), bgr.rows());
        if (f >= 1) {
            return new Mat();
        }
        try (Mat onWhite = new Mat(bgr.size(), opencv_core.CV_8UC3, new Scalar(255, 255, 255, 0)); Mat small = new Mat();
                Mat ycc = new Mat(); MatVector planes = new MatVector(); Mat half = new Mat();
                Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(3, 3))) {
            bgr.copyTo(onWhite, mask);
            opencv_imgproc.resize(onWhite, small, new Size(Math.max(4, (int) Math.round(bgr.cols() * f)),
                    Math.max(4, (int) Math.round(bgr.rows() * f))), 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.GaussianBlur(small, small, new Size(0, 0), SMALL_BLUR_SIGMA);
            opencv_imgproc.cvtColor(small, ycc, opencv_imgproc.COLOR_BGR2YCrCb);
            opencv_core.split(ycc, planes);
            for (int c = 1; c <= 2; c++) {
                Mat plane = planes.get(c);
                opencv_imgproc.resize(plane, half, new Size((plane.cols() + 1) / 2, (plane.rows() + 1) / 2), 0, 0,
                        opencv_imgproc.INTER_AREA);
                opencv_imgproc.resize(half, plane, plane.size(), 0, 0, opencv_imgproc.INTER_LINEAR);
            }
            opencv_core.merge(planes, ycc);
            opencv_imgproc.cvtColor(ycc, small, opencv_imgproc.COLOR_YCrCb2BGR);
            try (Mat colour = colourMask(small, hues)) {
                opencv_imgproc.morphologyEx(colour, colour, opencv_imgproc.MORPH_CLOSE, kernel);
                Rect box = opencv_imgproc.boundingRect(colour);
                return box.width() < 3 || box.height() < 3 ? new Mat() : colour.apply(box).clone();
            }
        }
    }

    @Override
    public void close() {
        working.close();
        features.ifPresent(FeatureTemplate::close);
        for (Variant v : variants) {
            v.bgr().close();
            v.mask().close();
            v.colourShape().close();
            v.sizes().close();
        }
    }
}
