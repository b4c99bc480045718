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
    private static final int MAX_REGIONS = 12;
    private static final int READ_HEIGHT = 64;

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

    private List<Rect> regions(Mat gray) {
        List<Rect> rects = new ArrayList<>();
        try (Mat gradient = new Mat(); Mat binary = new Mat(); Mat joined = new Mat();
                Mat round = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
                Mat line = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT,
                        new Size(Math.max(9, gray.cols() / 120), 1));
                MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
            opencv_imgproc.morphologyEx(gray, gradient, opencv_imgproc.MORPH_GRADIENT, round);
            opencv_imgproc.threshold(gradient, binary, 0, 255, opencv_imgproc.THRESH_BINARY | opencv_imgproc.THRESH_OTSU);
            opencv_imgproc.morphologyEx(binary, joined, opencv_imgproc.MORPH_CLOSE, line);
            opencv_imgproc.findContours(joined, contours, hierarchy, opencv_imgproc.RETR_EXTERNAL, opencv_imgproc.CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                Rect r = opencv_imgproc.boundingRect(contours.get(i));
                boolean lineShaped = r.height() >= minHeight && r.height() <= gray.rows() / 3
                        && r.width() >= r.height() * 0.8 && r.width() <= gray.cols() * 0.9;
                if (lineShaped && opencv_core.countNonZero(binary.apply(r)) >= 0.2 * r.area()) {
                    rects.add(r);
                }
            }
        }
        rects.sort(Comparator.comparingInt(Rect::area).reversed());
        return rects.size() > MAX_REGIONS ? rects.subList(0, MAX_REGIONS) : rects;
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
