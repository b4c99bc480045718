package org.groundtruth.media.insignia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.media.VideoFrame;

/**
 * For the benchmark: why a template was not found where it is known to be — which stage lost it: the colour mask
 * (coloured pixels in the true box), the blobs (the mask's pieces there and whether the size filter kept them), the
 * shape check (best intersection over union of any rotation) or the correlation (best score of the shape-fit
 * rotations and of all rotations).
 */
public final class MissDiagnosis {
    private MissDiagnosis() {
    }

    public static String explain(VideoFrame frame, byte[] templatePicture, String name, Rect truth) {
        ScanSettings settings = ScanSettings.DEFAULT;
        EmblemMatcher matcher = new EmblemMatcher(settings);
        StringBuilder out = new StringBuilder();
        try (PreparedTemplate template = PreparedTemplate.of(name, InsigniaType.RED_CROSS, templatePicture);
                Mat bgr = OpenCvImages.bgr(frame); ColourMasks masks = new ColourMasks(); Mat closed = new Mat()) {
            Mat colour = masks.of(bgr, template.hues());
            Rect t = clip(truth, bgr);
            int inTruth = opencv_core.countNonZero(colour.apply(t));
            out.append(String.format(Locale.ROOT, "coloured px in truth %d of %d;", inTruth, t.width() * t.height()));
            List<Rect> kept = matcher.blobs(colour, closed);
            for (Rect raw : contours(closed)) {
                if (EmblemMatcher.iou(raw, t) <= 0 && !overlaps(raw, t)) {
                    continue;
                }
                boolean isKept = kept.stream().anyMatch(k -> k.x() == raw.x() && k.y() == raw.y() && k.width() == raw.width()
                        && k.height() == raw.height());
                out.append(String.format(Locale.ROOT, " blob %dx%d@%d,%d%s", raw.width(), raw.height(), raw.x() - t.x(),
                        raw.y() - t.y(), isKept ? "" : " (size filter)"));
                if (!isKept) {
                    continue;
                }
                Mat shape = closed.apply(raw);
                double fill = (double) opencv_core.countNonZero(shape) / shape.total();
                boolean[] grid = PreparedTemplate.shapeGrid(shape);
                double bestIou = 0;
                double bestFillGap = 1;
                for (PreparedTemplate.Variant v : template.variants()) {
                    bestIou = Math.max(bestIou, Math.max(gridIou(grid, v.shapeGrid()), gridIou(grid, v.smallShapeGrid())));
                    bestFillGap = Math.min(bestFillGap, Math.abs(v.colourFill() - fill));
                }
                List<PreparedTemplate.Variant> likely = EmblemMatcher.likelyVariants(shape, template);
                double likelyScore = best(matcher, bgr, raw, likely);
                double anyScore = best(matcher, bgr, raw, template.variants());
                out.append(String.format(Locale.ROOT, " fill %.2f (gap %.2f) shapeIoU %.2f likely %d score %.2f (all rotations %.2f);",
                        fill, bestFillGap, bestIou, likely.size(), likelyScore, anyScore));
            }
        }
        return out.toString();
    }

    private static double best(EmblemMatcher matcher, Mat bgr, Rect blob, List<PreparedTemplate.Variant> variants) {
        double best = -1;
        for (PreparedTemplate.Variant v : variants) {
            EmblemMatcher.Match m = matcher.bestAround(bgr, blob, v);
            if (m != null) {
                best = Math.max(best, m.score());
            }
        }
        return best;
    }

    private static double gridIou(boolean[] a, boolean[] b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] && b[i] ? 1 : 0;
            either += a[i] || b[i] ? 1 : 0;
        }
        return either == 0 ? 0 : (double) both / either;
    }

    private static List<Rect> contours(Mat closed) {
        List<Rect> rects = new ArrayList<>();
        try (MatVector contours = new MatVector(); Mat hierarchy = new Mat(); Mat scratch = closed.clone()) {
            opencv_imgproc.findContours(scratch, contours, hierarchy, opencv_imgproc.RETR_EXTERNAL, opencv_imgproc.CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                rects.add(opencv_imgproc.boundingRect(contours.get(i)));
            }
        }
        return rects;
    }

    private static boolean overlaps(Rect a, Rect b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    private static Rect clip(Rect r, Mat frame) {
        int x = Math.max(0, r.x());
        int y = Math.max(0, r.y());
        return new Rect(x, y, Math.min(frame.cols(), r.x() + r.width()) - x, Math.min(frame.rows(), r.y() + r.height()) - y);
    }
}
