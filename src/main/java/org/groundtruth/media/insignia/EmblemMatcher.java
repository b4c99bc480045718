package org.groundtruth.media.insignia;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.groundtruth.core.insignia.MatchMethod;
import org.groundtruth.core.insignia.ScanSettings;

/**
 * Finds one template in one frame. Coloured emblems: the colour pre-filter marks pixels of the template's dominant
 * hues, each coloured blob gives a position and (against the template's coloured part) a scale, and masked
 * normalised correlation ({@code TM_CCOEFF_NORMED}) over the template's rotations and three scales around that
 * estimate decides — so only a few small windows per frame are correlated. Black-and-white emblems have no colour to
 * go by: they are correlated over the whole (reduced) frame at every scale from the smallest size up. Matches that
 * overlap keep the best.
 */
final class EmblemMatcher {
    /** Scales tried around a blob's estimate: blur and perspective make the coloured part look a little off. */
    private static final double[] SCALE_STEPS = {1.0, 0.9, 1.1};
    /**
     * When the blob's own scale (the first step) correlates below this, the other two scales are not tried: a window
     * that far from the template is not an emblem 10 % larger or smaller (decision 1823).
     */
    private static final double SCALE_FLOOR = 0.30;
    private static final int MAX_BLOBS = 300;
    /** A blob must cover at least this share (intersection over union) of a rotation's coloured part. */
    private static final double MIN_SHAPE_OVERLAP = 0.45;
    private static final int VARIANTS_PER_BLOB = 6;
    private static final double SHAPE_TIE = 0.08;
    /** Longest side, in pixels, at which a candidate window is correlated. */
    private static final int MATCH_SIDE = 36;
    /** A blob's coloured share of its box may differ this much from a rotation's before its shape is compared. */
    private static final double MAX_FILL_DIFFERENCE = 0.25;
    /** Black-and-white search: the frame is reduced to this width, and sizes grow by this factor. */
    private static final int PLAIN_WIDTH = 960;
    private static final double PLAIN_SCALE_FACTOR = 1.2;
    private static final double OVERLAP_SUPPRESSION = 0.3;
    /** A blob whose box-stretched correlation falls short by at most this much is fitted again by moments. */
    private static final double SECOND_CHANCE = 0.25;
    private static final int SECOND_CHANCE_VARIANTS = 3;
    /**
     * When the rotation with the best shape fit correlates below this, the blob's other rotations are not tried:
     * most coloured blobs of real frames pass the shape check and then correlate far below the minimum.
     */
    private static final double EARLY_FLOOR = 0.40;
    /**
     * A moment-fitted match has more freedom (a full 2x2 map rather than a stretch along the frame's axes), so a
     * chance fit scores higher: it must beat the minimum score by this much (on the bench a blue blob of a blurred
     * real frame reached 0.71 that way).
     */
    private static final double FITTED_MARGIN = 0.03;
    /**
     * Most a rotation may be stretched more one way than the other to fit a blob: the bench's tilt 0.3 needs about
     * 1.4; on the 60 s clip 15x6 px strips matched a crescent squeezed 2.5 to 1 (decision 1820).
     */
    private static final double MAX_SQUEEZE = 2.0;

    /** A match in frame pixels. */
    record Match(Rect box, double score, MatchMethod method) {
    }

    /**
     * Most blobs per frame and template handed to the homography stage (largest first): it costs a few milliseconds
     * of SIFT per blob, and a real frame can have dozens of large coloured blobs.
     */
    private static final int MAX_FEATURE_BLOBS = 12;
    private static final double FEATURE_FILL_DIFFERENCE = 0.15;

    private final ScanSettings settings;
    private final Optional<HomographyMatcher> homography;

    /** A matcher with the homography stage for templates that carry features (decision 1830). */
    EmblemMatcher(ScanSettings settings) {
        this(settings, true);
    }

    /** A matcher with or without the homography stage (the benchmark compares the two). */
    EmblemMatcher(ScanSettings settings, boolean featureStage) {
        this.settings = settings;
        this.homography = featureStage ? Optional.of(new HomographyMatcher(settings.minScore(), settings.minSizePixels()))
                : Optional.empty();
    }

    /** Matches of {@code template} in {@code frame} (BGR) scoring at least the settings' minimum, best first. */
    List<Match> find(Mat frame, PreparedTemplate template, ColourMasks masks) {
        List<Match> found = template.coloured() ? findByColour(frame, template, masks.of(frame, template.hues()))
                : findPlain(frame, template);
        return suppressOverlaps(found);
    }

    private List<Match> findByColour(Mat frame, PreparedTemplate template, Mat colour) {
        List<Match> found = new ArrayList<>();
        // large blobs the correlation path did not match, for the homography stage
        List<ShapeMoments> unmatched = new ArrayList<>();
        boolean features = homography.isPresent() && template.features().isPresent();
        try (Mat closed = new Mat()) {
            for (Rect blob : blobs(colour, closed)) {
                Match best = null;
                Mat shape = closed.apply(blob);
                ShapeMoments moments = ShapeMoments.of(shape, blob.x(), blob.y());
                List<PreparedTemplate.Variant> likely = likelyVariants(shape, template);
                List<Match> byVariant = new ArrayList<>();
                for (PreparedTemplate.Variant variant : likely) {
                    Match match = bestAround(frame, blob, variant);
                    byVariant.add(match);
                    if (match != null && (best == null || match.score() > best.score())) {
                        best = match;
                    }
                    if (best == null || best.score() < EARLY_FLOOR) {
                        // the best-fitting rotation correlates nowhere near: not an emblem, skip its neighbours
                        break;
                    }
                }
                // a second chance for a near miss: the rotations that correlated best, fitted by moments (tilt)
                if (best != null && best.score() < settings.minScore() && best.score() >= settings.minScore() - SECOND_CHANCE) {
                    for (PreparedTemplate.Variant variant : bestVariants(likely, byVariant)) {
                        Match fitted = byMoments(frame, moments, variant);
                        if (fitted != null && fitted.score() > best.score()
                                && fitted.score() >= settings.minScore() + FITTED_MARGIN) {
                            best = fitted;
                        }
                    }
                }
                if (best != null && best.score() >= settings.minScore()) {
                    found.add(best);
                } else if (features && Math.max(blob.width(), blob.height()) >= HomographyMatcher.MIN_BLOB_SIDE
                        && fillLike(moments.area() / ((double) blob.width() * blob.height()), template)) {
                    unmatched.add(moments);
                }
            }
        }
        if (features) {
            found.addAll(byFeatures(frame, unmatched, found, template.features().get()));
        }
        return found;
    }

    /**
     * Whether a blob's coloured share of its box is within {@value #FEATURE_FILL_DIFFERENCE} of some rotation's: a
     * tilt changes that share little (an ellipse fills its box as a disc does), and most large blobs of real frames
     * differ more — a cheap gate before the homography stage's SIFT.
     */
    private static boolean fillLike(double fill, PreparedTemplate template) {
        return template.variants().stream().anyMatch(v -> Math.abs(v.colourFill() - fill) <= FEATURE_FILL_DIFFERENCE);
    }

    /**
     * The homography stage (decision 1830) on the largest blobs the correlation path left unmatched: a strongly
     * tilted or turned detailed emblem fails the shape check or the correlation, but its keypoints still match.
     */
    private List<Match> byFeatures(Mat frame, List<ShapeMoments> unmatched, List<Match> found, FeatureTemplate features) {
        List<Match> more = new ArrayList<>();
        if (unmatched.isEmpty()) {
            return more;
        }
        int tried = 0;
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(frame, gray, opencv_imgproc.COLOR_BGR2GRAY);
            for (ShapeMoments blob : unmatched) {
                if (tried >= MAX_FEATURE_BLOBS) {
                    break;
                }
                double cx = blob.cx();
                double cy = blob.cy();
                boolean covered = java.util.stream.Stream.concat(found.stream(), more.stream()).anyMatch(m -> cx >= m.box().x()
                        && cx <= m.box().x() + m.box().width() && cy >= m.box().y() && cy <= m.box().y() + m.box().height());
                if (covered) {
                    // part of an emblem already found (a badge's inner shield inside its ring)
                    continue;
                }
                tried++;
                homography.get().find(gray, blob, features).ifPresent(more::add);
            }
        }
        return more;
    }

    /**
     * The rotations whose coloured part has the blob's shape (intersection over union of the two masks, the
     * variant's stretched to the blob's box, so perspective squeeze is allowed), best first; none when no rotation
     * is close — most coloured things in a frame are not emblems, and this rejects them before any correlation.
     */
    static List<PreparedTemplate.Variant> likelyVariants(Mat blobShape, PreparedTemplate template) {
        record Scored(PreparedTemplate.Variant variant, double overlap) {
        }
        List<Scored> scored = new ArrayList<>();
        double fill = (double) opencv_core.countNonZero(blobShape) / Math.max(1, blobShape.total());
        boolean smallBlob = Math.max(blobShape.cols(), blobShape.rows()) <= PreparedTemplate.SMALL_BLOB_SIDE;
        if (template.variants().stream().noneMatch(v -> Math.abs(v.colourFill() - fill) <= MAX_FILL_DIFFERENCE
                || smallBlob && Math.abs(v.smallColourFill() - fill) <= MAX_FILL_DIFFERENCE)) {
            return List.of();
        }
        // both shapes stretched to one small square grid: the comparison is plain Java, no native call per rotation;
        // each rotation's shape as drawn and as a small soft emblem shows it in a video frame
        boolean[] blob = PreparedTemplate.shapeGrid(blobShape);
        boolean small = Math.max(blobShape.cols(), blobShape.rows()) <= PreparedTemplate.SMALL_BLOB_SIDE;
        for (PreparedTemplate.Variant variant : template.variants()) {
            double sharp = overlap(blob, variant.shapeGrid());
            double soft = small ? overlap(blob, variant.smallShapeGrid()) : 0;
            if (sharp >= MIN_SHAPE_OVERLAP || soft >= MIN_SHAPE_OVERLAP) {
                // ranked by the sharp shape too: a small soft star is near round, so its soft shape tells no rotation
                scored.add(new Scored(variant, small ? (sharp + soft) / 2 : sharp));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::overlap).reversed());
        // emblems with rotational symmetry (the Star of Life's six arms) fit several rotations equally well by shape:
        // keep every rotation close to the best and let correlation decide
        double cut = scored.isEmpty() ? 1 : scored.get(0).overlap() - SHAPE_TIE;
        return scored.stream().filter(v -> v.overlap() >= cut).limit(VARIANTS_PER_BLOB).map(Scored::variant).toList();
    }

    private static double overlap(boolean[] blob, boolean[] shape) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < blob.length; i++) {
            if (blob[i] && shape[i]) {
                both++;
            }
            if (blob[i] || shape[i]) {
                either++;
            }
        }
        return either == 0 ? 0 : (double) both / either;
    }

    /** The best correlation of one rotation placed on a blob: its coloured part fitted to the blob's box. */
    Match bestAround(Mat frame, Rect blob, PreparedTemplate.Variant variant) {
        Rect coloured = variant.colouredBox();
        double scaleX = (double) blob.width() / coloured.width();
        double scaleY = (double) blob.height() / coloured.height();
        if (Math.max(scaleX, scaleY) > MAX_SQUEEZE * Math.min(scaleX, scaleY)) {
            // squeezed more than any perspective the scan is for: a strip of colour, not a tilted emblem
            return null;
        }
        Match best = null;
        for (double step : SCALE_STEPS) {
            int tw = (int) Math.round(variant.bgr().cols() * scaleX * step);
            int th = (int) Math.round(variant.bgr().rows() * scaleY * step);
            if (Math.max(tw, th) < settings.minSizePixels() * 0.8 || Math.min(tw, th) < 6
                    || tw >= frame.cols() || th >= frame.rows()) {
                continue;
            }
            int margin = Math.max(3, (int) Math.round(0.12 * Math.max(tw, th)));
            int ex = blob.x() + blob.width() / 2 - (int) Math.round((coloured.x() + coloured.width() / 2.0) * scaleX * step);
            int ey = blob.y() + blob.height() / 2 - (int) Math.round((coloured.y() + coloured.height() / 2.0) * scaleY * step);
            Rect window = clip(new Rect(ex - margin, ey - margin, tw + 2 * margin, th + 2 * margin), frame);
            if (window.width() < tw || window.height() < th) {
                continue;
            }
            Match match = correlateReduced(frame.apply(window), window, variant, tw, th);
            if (match != null && (best == null || match.score() > best.score())) {
                best = match;
            }
            if (step == 1.0 && best != null && best.score() < SCALE_FLOOR) {
                break;
            }
        }
        return best;
    }

    private static List<PreparedTemplate.Variant> bestVariants(List<PreparedTemplate.Variant> variants, List<Match> matches) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i) != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> matches.get(i).score()).reversed());
        return order.stream().limit(SECOND_CHANCE_VARIANTS).map(variants::get).toList();
    }

    /**
     * The correlation of one rotation mapped onto a blob by their shapes' moments (centroid onto centroid, spread
     * onto spread): unlike the box stretch this follows a perspective squeeze along any direction, so a tilted and
     * turned emblem is compared with a template squeezed the same way.
     */
    Match byMoments(Mat frame, ShapeMoments blob, PreparedTemplate.Variant variant) {
        ShapeMoments own = variant.colourMoments();
        if (!blob.usable() || !own.usable()) {
            return null;
        }
        double[] a = own.mapTo(blob);
        double scale = Math.sqrt(Math.abs(a[0] * a[3] - a[1] * a[2]));
        Mat source = variant.bgr();
        Mat sourceMask = variant.mask();
        double cx = own.cx();
        double cy = own.cy();
        double[] corners = {0, 0, source.cols(), 0, source.cols(), source.rows(), 0, source.rows()};
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 8; i += 2) {
            double x = a[0] * (corners[i] - cx) + a[1] * (corners[i + 1] - cy);
            double y = a[2] * (corners[i] - cx) + a[3] * (corners[i + 1] - cy);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int tw = (int) Math.ceil(maxX - minX);
        int th = (int) Math.ceil(maxY - minY);
        if (Math.max(tw, th) < settings.minSizePixels() * 0.8 || Math.min(tw, th) < 6 || tw >= frame.cols() || th >= frame.rows()
                || Math.max(tw, th) > 4 * Math.min(tw, th)) {
            return null;
        }
        int margin = Math.max(3, (int) Math.round(0.12 * Math.max(tw, th)));
        Rect window = clip(new Rect((int) Math.floor(blob.cx() + minX) - margin, (int) Math.floor(blob.cy() + minY) - margin,
                tw + 2 * margin, th + 2 * margin), frame);
        if (window.width() < tw || window.height() < th) {
            return null;
        }
        double f = Math.min(1, (double) MATCH_SIDE / Math.max(tw, th));
        int rw = Math.max(6, (int) Math.round(tw * f));
        int rh = Math.max(6, (int) Math.round(th * f));
        try (Mat pre = new Mat(); Mat preMask = new Mat(); Mat t = new Mat(); Mat m = new Mat(); Mat small = new Mat();
                Mat result = new Mat()) {
            // shrink the rotation by area first when it is much larger: a linear warp alone would alias its edges
            double pre0 = Math.min(1, 1.5 * scale * f);
            opencv_imgproc.resize(source, pre, new Size(Math.max(6, (int) Math.round(source.cols() * pre0)),
                    Math.max(6, (int) Math.round(source.rows() * pre0))), 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.resize(sourceMask, preMask, pre.size(), 0, 0, opencv_imgproc.INTER_NEAREST);
            double kx = (double) pre.cols() / source.cols();
            double ky = (double) pre.rows() / source.rows();
            // pre pixel -> source pixel (divide by k) -> centred, mapped by A, scaled by f, shifted into the template
            double m00 = f * a[0] / kx;
            double m01 = f * a[1] / ky;
            double m10 = f * a[2] / kx;
            double m11 = f * a[3] / ky;
            double tx = -f * (a[0] * cx + a[1] * cy) - f * minX;
            double ty = -f * (a[2] * cx + a[3] * cy) - f * minY;
            try (Mat warp = new Mat(2, 3, opencv_core.CV_64FC1)) {
                org.bytedeco.javacpp.indexer.DoubleIndexer w = warp.createIndexer();
                w.put(0, 0, m00);
                w.put(0, 1, m01);
                w.put(0, 2, tx);
                w.put(1, 0, m10);
                w.put(1, 1, m11);
                w.put(1, 2, ty);
                w.close();
                Size out = new Size(rw, rh);
                opencv_imgproc.warpAffine(pre, t, warp, out, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE, new Scalar());
                opencv_imgproc.warpAffine(preMask, m, warp, out, opencv_imgproc.INTER_NEAREST, opencv_core.BORDER_CONSTANT,
                        new Scalar());
            }
            if (opencv_core.countNonZero(m) < 0.3 * m.total()) {
                return null;
            }
            Mat target = frame.apply(window);
            if (f < 1) {
                opencv_imgproc.resize(target, small, new Size(Math.max(rw, (int) Math.round(window.width() * f)),
                        Math.max(rh, (int) Math.round(window.height() * f))), 0, 0, opencv_imgproc.INTER_AREA);
                target = small;
            }
            if (target.cols() < rw || target.rows() < rh) {
                return null;
            }
            match(target, t, m, result);
            Peak peak = Peak.of(result);
            if (!Double.isFinite(peak.score())) {
                return null;
            }
            double back = (double) window.width() / target.cols();
            return new Match(new Rect(window.x() + (int) Math.round(peak.x() * back),
                    window.y() + (int) Math.round(peak.y() * back), tw, th), Math.min(1, peak.score()), MatchMethod.TEMPLATE);
        }
    }

    /**
     * Correlates at most {@link #MATCH_SIDE} pixels across: a large emblem is compared at a reduced size, which is
     * faster and forgives the few degrees between the emblem's rotation and the nearest prepared one.
     */
    private Match correlateReduced(Mat window, Rect at, PreparedTemplate.Variant variant, int tw, int th) {
        double f = Math.min(1, (double) MATCH_SIDE / Math.max(tw, th));
        if (f >= 1) {
            return correlate(window, at.x(), at.y(), variant, tw, th);
        }
        int rw = Math.max(6, (int) Math.round(tw * f));
        int rh = Math.max(6, (int) Math.round(th * f));
        try (Mat small = new Mat()) {
            opencv_imgproc.resize(window, small, new Size(Math.max(rw, (int) Math.round(window.cols() * f)),
                    Math.max(rh, (int) Math.round(window.rows() * f))), 0, 0, opencv_imgproc.INTER_AREA);
            Match m = correlate(small, 0, 0, variant, rw, rh);
            if (m == null) {
                return null;
            }
            double back = (double) window.cols() / small.cols();
            return new Match(new Rect(at.x() + (int) Math.round(m.box().x() * back), at.y() + (int) Math.round(m.box().y() * back),
                    tw, th), m.score(), m.method());
        }
    }

    /**
     * Coloured blobs large enough to be part of an emblem of the smallest size, largest first; {@code closed}
     * receives the mask with small gaps closed, which the blobs' shapes are read from.
     */
    List<Rect> blobs(Mat colour, Mat closed) {
        List<Rect> rects = new ArrayList<>();
        try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(3, 3));
                MatVector contours = new MatVector(); Mat hierarchy = new Mat(); Mat scratch = new Mat()) {
            opencv_imgproc.morphologyEx(colour, closed, opencv_imgproc.MORPH_CLOSE, kernel);
            closed.copyTo(scratch);
            opencv_imgproc.findContours(scratch, contours, hierarchy, opencv_imgproc.RETR_EXTERNAL, opencv_imgproc.CHAIN_APPROX_SIMPLE);
            double smallest = settings.minSizePixels() * 0.5;
            double largest = Math.min(colour.cols(), colour.rows()) * 0.9;
            for (long i = 0; i < contours.size(); i++) {
                Rect r = opencv_imgproc.boundingRect(contours.get(i));
                int side = Math.max(r.width(), r.height());
                if (side >= smallest && side <= largest && r.width() * r.height() >= 12
                        && Math.min(r.width(), r.height()) * 4 >= side) {
                    rects.add(r);
                }
            }
        }
        rects.sort(Comparator.comparingInt((Rect r) -> r.width() * r.height()).reversed());
        return rects.size() > MAX_BLOBS ? rects.subList(0, MAX_BLOBS) : rects;
    }

    private List<Match> findPlain(Mat frame, PreparedTemplate template) {
        double reduce = Math.min(1, (double) PLAIN_WIDTH / frame.cols());
        List<Match> found = new ArrayList<>();
        try (Mat small = new Mat()) {
            opencv_imgproc.resize(frame, small, new Size((int) Math.round(frame.cols() * reduce),
                    (int) Math.round(frame.rows() * reduce)), 0, 0, opencv_imgproc.INTER_AREA);
            for (PreparedTemplate.Variant variant : template.variants()) {
                if (variant.angleDegrees() != 0 && variant.angleDegrees() != 15 && variant.angleDegrees() != 345) {
                    continue;
                }
                int longest = Math.max(variant.bgr().cols(), variant.bgr().rows());
                for (double size = Math.max(8, settings.minSizePixels() * reduce); size < small.rows() / 2.0; size *= PLAIN_SCALE_FACTOR) {
                    double scale = size / longest;
                    int tw = Math.max(6, (int) Math.round(variant.bgr().cols() * scale));
                    int th = Math.max(6, (int) Math.round(variant.bgr().rows() * scale));
                    for (Match m : peaks(small, variant, tw, th)) {
                        Rect b = m.box();
                        found.add(new Match(new Rect((int) Math.round(b.x() / reduce), (int) Math.round(b.y() / reduce),
                                (int) Math.round(b.width() / reduce), (int) Math.round(b.height() / reduce)), m.score(), m.method()));
                    }
                }
            }
        }
        return found;
    }

    /** The best correlation of the variant scaled to tw×th within {@code window}, in frame coordinates. */
    private Match correlate(Mat window, int offsetX, int offsetY, PreparedTemplate.Variant variant, int tw, int th) {
        try (ScaledTemplates.Scaled t = variant.scaled(tw, th); Mat result = new Mat()) {
            match(window, t, result);
            Peak peak = Peak.of(result);
            if (!Double.isFinite(peak.score())) {
                return null;
            }
            return new Match(new Rect(offsetX + peak.x(), offsetY + peak.y(), tw, th), Math.min(1, peak.score()),
                    MatchMethod.TEMPLATE);
        }
    }

    /** Up to five separated correlation peaks above the minimum score. */
    private List<Match> peaks(Mat image, PreparedTemplate.Variant variant, int tw, int th) {
        List<Match> found = new ArrayList<>();
        if (tw >= image.cols() || th >= image.rows()) {
            return found;
        }
        try (ScaledTemplates.Scaled t = variant.scaled(tw, th); Mat result = new Mat()) {
            match(image, t, result);
            for (int i = 0; i < 5; i++) {
                Peak peak = Peak.of(result);
                if (!Double.isFinite(peak.score()) || peak.score() < settings.minScore()) {
                    break;
                }
                found.add(new Match(new Rect(peak.x(), peak.y(), tw, th), Math.min(1, peak.score()), MatchMethod.TEMPLATE));
                Rect blank = clip(new Rect(peak.x() - tw / 2, peak.y() - th / 2, tw, th), result);
                result.apply(blank).setTo(new Mat(1, 1, opencv_core.CV_32FC1, new Scalar(-1)));
            }
        }
        return found;
    }

    /** The highest value of a correlation result and where it lies (pointers freed at once, not left to the GC). */
    private record Peak(int x, int y, double score) {
        static Peak of(Mat result) {
            try (DoublePointer max = new DoublePointer(1); Point at = new Point()) {
                opencv_core.minMaxLoc(result, null, max, null, at, null);
                return new Peak(at.x(), at.y(), max.get());
            }
        }
    }

    /** Correlation of a resized rotation (cached, see {@link ScaledTemplates}). */
    private static void match(Mat image, ScaledTemplates.Scaled t, Mat result) {
        match(image, t.picture(), t.mask(), t.full(), result);
    }

    /** Correlation under the mask where the template is not a full rectangle; NaNs (flat windows) become -1. */
    private static void match(Mat image, Mat t, Mat m, Mat result) {
        match(image, t, m, opencv_core.countNonZero(m) == m.total(), result);
    }

    private static void match(Mat image, Mat t, Mat m, boolean full, Mat result) {
        if (full) {
            opencv_imgproc.matchTemplate(image, t, result, opencv_imgproc.TM_CCOEFF_NORMED);
        } else {
            opencv_imgproc.matchTemplate(image, t, result, opencv_imgproc.TM_CCOEFF_NORMED, m);
        }
        opencv_core.patchNaNs(result, -1);
        try (Mat above = new Mat()) {
            // masked correlation of a flat window can overflow to +inf: treat as no match
            opencv_core.compare(result, new Mat(1, 1, opencv_core.CV_32FC1, new Scalar(1.5)), above, opencv_core.CMP_GT);
            result.setTo(new Mat(1, 1, opencv_core.CV_32FC1, new Scalar(-1)), above);
        }
    }

    private static Rect clip(Rect r, Mat frame) {
        int x = Math.max(0, r.x());
        int y = Math.max(0, r.y());
        int right = Math.min(frame.cols(), r.x() + r.width());
        int bottom = Math.min(frame.rows(), r.y() + r.height());
        return new Rect(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
    }

    static List<Match> suppressOverlaps(List<Match> matches) {
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingDouble(Match::score).reversed());
        List<Match> kept = new ArrayList<>();
        for (Match m : sorted) {
            if (kept.stream().noneMatch(k -> iou(k.box(), m.box()) > OVERLAP_SUPPRESSION)) {
                kept.add(m);
            }
        }
        return kept;
    }

    static double iou(Rect a, Rect b) {
        int ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        int iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        double inter = (double) ix * iy;
        double union = (double) a.width() * a.height() + (double) b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
