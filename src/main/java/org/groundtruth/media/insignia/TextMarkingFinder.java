package org.groundtruth.media.insignia;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;
import org.groundtruth.core.insignia.MarkingText;
import org.groundtruth.media.MediaFormatException;

/**
 * Reads text markings (ДСНС, 101, ШВИДКА, RESCUE…) with Tesseract, Ukrainian and English. OCR of a whole frame is
 * slow and mostly reads noise, so candidate regions come first: strong local contrast (morphological gradient,
 * Otsu) joined along lines of lettering; each region is enlarged, binarised dark-on-light and read as one line.
 * One finder per thread (Tesseract's API object is not thread-safe).
 */
final class TextMarkingFinder implements AutoCloseable {
    private static final List<String> LANGUAGES = List.of("ukr", "eng");
    private static final int MAX_REGIONS = 16;
    private static final int READ_HEIGHT = 64;
    /** Letter strokes are thinner than this many pixels (the morphological hat's kernel). */
    private static final int STROKE_KERNEL = 25;
    private static final double MIN_STROKE_CONTRAST = 30;

    /** A marking read in a region: the wanted word, what OCR read, and its confidence 0..1. */
    record Reading(Rect box, String marking, String read, double confidence) {
    }

    private final TessBaseAPI api = new TessBaseAPI();
    private final List<String> wanted;
    private final int minHeight;

    TextMarkingFinder(List<String> wanted, int minHeightPixels) {
        this.wanted = List.copyOf(wanted);
        this.minHeight = Math.max(8, minHeightPixels / 2);
        Path data = TessdataLocator.find(LANGUAGES).orElseThrow(() -> new MediaFormatException(TessdataLocator.howToInstall()));
        if (api.Init(data.toString(), String.join("+", LANGUAGES)) != 0) {
            api.close();
            throw new MediaFormatException("Tesseract could not load its language data from " + data);
        }
        api.SetPageSegMode(tesseract.PSM_SINGLE_LINE);
        api.SetVariable("user_defined_dpi", "300");
        api.SetVariable("debug_file", "/dev/null");
    }

    /** The wanted markings read in {@code frame} (BGR). */
    List<Reading> find(Mat frame) {
        List<Reading> found = new ArrayList<>();
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(frame, gray, opencv_imgproc.COLOR_BGR2GRAY);
            for (Rect region : regions(gray)) {
                read(gray, region).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Lines of lettering: strokes thinner than {@link #STROKE_KERNEL} that stand out from their surroundings (black-hat
     * for dark letters, top-hat for light ones) give letter-shaped pieces; pieces of similar height side by side, less
     * than a letter apart, form a line (so it works at any letter size); lines of two or more pieces are read, the
     * strongest contrast first — painted markings stand out far more than roofs, trees and roads.
     */
    List<Rect> regions(Mat gray) {
        record Scored(Rect rect, double contrast) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int op : new int[] {opencv_imgproc.MORPH_BLACKHAT, opencv_imgproc.MORPH_TOPHAT}) {
            try (Mat hat = new Mat(); Mat binary = new Mat(); Mat labels = new Mat(); Mat stats = new Mat();
                    Mat centroids = new Mat();
                    Mat stroke = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(STROKE_KERNEL, STROKE_KERNEL))) {
                opencv_imgproc.morphologyEx(gray, hat, op, stroke);
                double otsu = opencv_imgproc.threshold(hat, binary, 0, 255, opencv_imgproc.THRESH_BINARY | opencv_imgproc.THRESH_OTSU);
                if (otsu < MIN_STROKE_CONTRAST) {
                    opencv_imgproc.threshold(hat, binary, MIN_STROKE_CONTRAST, 255, opencv_imgproc.THRESH_BINARY);
                }
                int n = opencv_imgproc.connectedComponentsWithStats(binary, labels, stats, centroids);
                List<Rect> letters = new ArrayList<>();
                try (org.bytedeco.javacpp.indexer.IntIndexer st = stats.createIndexer()) {
                    for (int i = 1; i < n; i++) {
                        int w = st.get(i, opencv_imgproc.CC_STAT_WIDTH);
                        int h = st.get(i, opencv_imgproc.CC_STAT_HEIGHT);
                        if (h >= minHeight && h <= gray.rows() / 4 && w <= h * 1.6 && w * 8 >= h
                                && st.get(i, opencv_imgproc.CC_STAT_AREA) >= 0.12 * w * h) {
                            letters.add(new Rect(st.get(i, opencv_imgproc.CC_STAT_LEFT), st.get(i, opencv_imgproc.CC_STAT_TOP), w, h));
                        }
                    }
                }
                for (List<Rect> line : lines(letters)) {
                    if (line.size() < 2 || line.size() > 16) {
                        continue;
                    }
                    Rect r = union(line);
                    if (r.width() >= r.height() * 1.1) {
                        scored.add(new Scored(r, opencv_core.mean(hat.apply(r), binary.apply(r)).get(0)));
                    }
                }
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::contrast).reversed());
        return scored.stream().limit(MAX_REGIONS).map(Scored::rect).toList();
    }

    /** Groups letter pieces into lines: similar height, overlapping rows, gaps under one letter height. */
    private static List<List<Rect>> lines(List<Rect> letters) {
        List<Rect> sorted = new ArrayList<>(letters);
        sorted.sort(Comparator.comparingInt(Rect::x));
        List<List<Rect>> lines = new ArrayList<>();
        for (Rect r : sorted) {
            List<Rect> home = null;
            for (List<Rect> line : lines) {
                Rect last = line.get(line.size() - 1);
                double ratio = (double) r.height() / last.height();
                int gap = r.x() - (last.x() + last.width());
                int rowOverlap = Math.min(r.y() + r.height(), last.y() + last.height()) - Math.max(r.y(), last.y());
                if (ratio > 0.7 && ratio < 1.45 && gap > -last.width() / 2 && gap < Math.max(r.height(), last.height())
                        && rowOverlap >= 0.6 * Math.min(r.height(), last.height())) {
                    home = line;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                lines.add(home);
            }
            home.add(r);
        }
        return lines;
    }

    private static Rect union(List<Rect> rects) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (Rect r : rects) {
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.width());
            y1 = Math.max(y1, r.y() + r.height());
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    private Optional<Reading> read(Mat gray, Rect region) {
        int margin = Math.max(3, region.height() / 5);
        Rect padded = clip(new Rect(region.x() - margin, region.y() - margin, region.width() + 2 * margin,
                region.height() + 2 * margin), gray);
        double scale = Math.min(6, (double) READ_HEIGHT / padded.height());
        try (Mat crop = new Mat(); Mat binary = new Mat()) {
            opencv_imgproc.resize(gray.apply(padded), crop, new Size(Math.max(1, (int) (padded.width() * scale)),
                    Math.max(1, (int) (padded.height() * scale))), 0, 0, opencv_imgproc.INTER_CUBIC);
            opencv_imgproc.threshold(crop, binary, 0, 255, opencv_imgproc.THRESH_BINARY | opencv_imgproc.THRESH_OTSU);
            if (opencv_core.countNonZero(binary) < binary.total() / 2) {
                opencv_core.bitwise_not(binary, binary); // Tesseract reads dark letters on a light ground best
            }
            api.SetImage(binary.data(), binary.cols(), binary.rows(), 1, (int) binary.step());
            BytePointer text = api.GetUTF8Text();
            String read = text == null ? "" : text.getString(StandardCharsets.UTF_8).strip();
            if (text != null) {
                text.deallocate();
            }
            double confidence = Math.max(0, Math.min(100, api.MeanTextConf())) / 100.0;
            api.Clear();
            for (String word : wanted) {
                if (MarkingText.find(read, word).isPresent()) {
                    return Optional.of(new Reading(region, word, read.replaceAll("\\s+", " "), confidence));
                }
            }
            return Optional.empty();
        }
    }

    private static Rect clip(Rect r, Mat image) {
        int x = Math.max(0, r.x());
        int y = Math.max(0, r.y());
        return new Rect(x, y, Math.min(image.cols(), r.x() + r.width()) - x, Math.min(image.rows(), r.y() + r.height()) - y);
    }

    @Override
    public void close() {
        api.End();
        api.close();
    }
}
