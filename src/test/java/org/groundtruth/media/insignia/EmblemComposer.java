package org.groundtruth.media.insignia;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.groundtruth.media.VideoFrame;

/**
 * Builds the scan test set: pastes an emblem into a real frame at a known box — scaled, rotated, tilted in
 * perspective, blurred, noised and recompressed as JPEG at a low quality — so recall and precision can be measured
 * against ground truth.
 */
public final class EmblemComposer {
    /** How to distort the emblem: longest side in pixels, rotation, perspective tilt (0..0.5), blur sigma, noise. */
    public record Distortion(int sizePixels, double rotationDegrees, double tilt, double blurSigma, double noiseSigma,
            int jpegQuality) {
        public static Distortion plain(int size) {
            return new Distortion(size, 0, 0, 0, 0, 95);
        }
    }

    /** A composed frame and the emblem's true box in it. */
    public record Composed(VideoFrame frame, Rect truth) {
    }

    private EmblemComposer() {
    }

    public static Composed compose(VideoFrame background, byte[] emblemPng, Distortion d, Random random) {
        try (Mat frame = OpenCvImages.bgr(background); Mat emblem = OpenCvImages.decode(emblemPng, "emblem")) {
            Mat bgr = new Mat();
            if (emblem.channels() == 4) {
                opencv_imgproc.cvtColor(emblem, bgr, opencv_imgproc.COLOR_BGRA2BGR);
            } else {
                bgr = emblem.clone();
            }
            double scale = (double) d.sizePixels() / Math.max(bgr.cols(), bgr.rows());
            double w = bgr.cols() * scale;
            double h = bgr.rows() * scale;
            // destination corners: centred at a random place, rotated, one side shortened for the tilt
            double cx = w + random.nextDouble() * (frame.cols() - 2 * w);
            double cy = h + random.nextDouble() * (frame.rows() - 2 * h);
            double[][] corners = {{-w / 2, -h / 2 * (1 - d.tilt())}, {w / 2, -h / 2 * (1 - d.tilt())},
                {w / 2 * (1 + d.tilt() / 2), h / 2}, {-w / 2 * (1 + d.tilt() / 2), h / 2}};
            double a = Math.toRadians(d.rotationDegrees());
            float[] dst = new float[8];
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                double x = cx + corners[i][0] * Math.cos(a) - corners[i][1] * Math.sin(a);
                double y = cy + corners[i][0] * Math.sin(a) + corners[i][1] * Math.cos(a);
                dst[2 * i] = (float) x;
                dst[2 * i + 1] = (float) y;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
            float[] src = {0, 0, bgr.cols(), 0, bgr.cols(), bgr.rows(), 0, bgr.rows()};
            try (Mat srcPts = points(src); Mat dstPts = points(dst);
                    Mat homography = opencv_imgproc.getPerspectiveTransform(srcPts, dstPts);
                    Mat warped = new Mat(); Mat mask = new Mat();
                    Mat ones = new Mat(bgr.rows(), bgr.cols(), opencv_core.CV_8UC1, new Scalar(255))) {
                Size size = new Size(frame.cols(), frame.rows());
                opencv_imgproc.warpPerspective(bgr, warped, homography, size, opencv_imgproc.INTER_AREA,
                        opencv_core.BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
                opencv_imgproc.warpPerspective(ones, mask, homography, size, opencv_imgproc.INTER_LINEAR,
                        opencv_core.BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
                opencv_imgproc.threshold(mask, mask, 127, 255, opencv_imgproc.THRESH_BINARY);
                warped.copyTo(frame, mask);
            }
            bgr.close();
            if (d.blurSigma() > 0) {
                opencv_imgproc.GaussianBlur(frame, frame, new Size(0, 0), d.blurSigma());
            }
            if (d.noiseSigma() > 0) {
                try (Mat noise = new Mat(frame.size(), opencv_core.CV_8UC3)) {
                    opencv_core.randn(noise, new Mat(1, 1, opencv_core.CV_64FC1, new Scalar(128)),
                            new Mat(1, 1, opencv_core.CV_64FC1, new Scalar(d.noiseSigma())));
                    opencv_core.addWeighted(frame, 1, noise, 1, -128, frame);
                }
            }
            Mat result = frame;
            if (d.jpegQuality() < 95) {
                try (BytePointer jpeg = new BytePointer(); IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, d.jpegQuality())) {
                    opencv_imgcodecs.imencode(".jpg", frame, jpeg, params);
                    byte[] bytes = new byte[(int) jpeg.limit()];
                    jpeg.get(bytes);
                    result = OpenCvImages.decode(bytes, "recompressed");
                }
            }
            Rect truth = new Rect((int) Math.floor(minX), (int) Math.floor(minY), (int) Math.ceil(maxX - minX),
                    (int) Math.ceil(maxY - minY));
            VideoFrame out = toFrame(result, background.frameNumber());
            if (result != frame) {
                result.close();
            }
            return new Composed(out, truth);
        }
    }

    static VideoFrame toFrame(Mat bgr, long number) {
        try (Mat bgra = new Mat()) {
            opencv_imgproc.cvtColor(bgr, bgra, opencv_imgproc.COLOR_BGR2BGRA);
            byte[] bytes = new byte[bgra.cols() * bgra.rows() * 4];
            bgra.data().get(bytes);
            return new VideoFrame(number, 0, bgra.cols(), bgra.rows(), bytes);
        }
    }

    /** {@code frame} scaled to width×height (area interpolation), keeping its frame number. */
    public static VideoFrame resized(VideoFrame frame, int width, int height) {
        try (Mat bgr = OpenCvImages.bgr(frame); Mat out = new Mat()) {
            opencv_imgproc.resize(bgr, out, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
            return toFrame(out, frame.frameNumber());
        }
    }

    /** A crop of {@code frame} (x, y, width, height in pixels), numbered {@code number}. */
    public static VideoFrame crop(VideoFrame frame, int x, int y, int width, int height, long number) {
        try (Mat bgr = OpenCvImages.bgr(frame)) {
            return toFrame(bgr.apply(new Rect(x, y, width, height)), number);
        }
    }

    /**
     * A made-up scene: a sky-to-ground gradient with noise, and coloured rectangles and discs as distractors — red
     * and blue cars, white panels, road markings — so the colour pre-filter has plenty of wrong blobs to reject.
     */
    public static VideoFrame syntheticScene(int width, int height, Random random, long number) {
        try (Mat bgr = new Mat(height, width, opencv_core.CV_8UC3)) {
            for (int y = 0; y < height; y += 8) {
                double t = (double) y / height;
                opencv_imgproc.rectangle(bgr, new Rect(0, y, width, 8), new Scalar(180 - 120 * t, 170 - 90 * t, 150 - 60 * t, 0), -1, 8, 0);
            }
            Scalar[] colours = {new Scalar(30, 30, 200, 0), new Scalar(200, 90, 20, 0), new Scalar(240, 240, 240, 0),
                new Scalar(40, 120, 40, 0), new Scalar(60, 60, 60, 0), new Scalar(20, 200, 230, 0), new Scalar(90, 60, 160, 0)};
            for (int i = 0; i < 40; i++) {
                Scalar colour = colours[random.nextInt(colours.length)];
                int w = 6 + random.nextInt(width / 6);
                int h = 6 + random.nextInt(height / 6);
                int x = random.nextInt(width - w);
                int y = random.nextInt(height - h);
                if (random.nextBoolean()) {
                    opencv_imgproc.rectangle(bgr, new Rect(x, y, w, h), colour, -1, opencv_imgproc.LINE_AA, 0);
                } else {
                    opencv_imgproc.circle(bgr, new org.bytedeco.opencv.opencv_core.Point(x + w / 2, y + h / 2), Math.min(w, h) / 2, colour, -1, opencv_imgproc.LINE_AA, 0);
                }
            }
            try (Mat noise = new Mat(bgr.size(), opencv_core.CV_8UC3)) {
                opencv_core.randn(noise, new Mat(1, 1, opencv_core.CV_64FC1, new Scalar(128)),
                        new Mat(1, 1, opencv_core.CV_64FC1, new Scalar(6)));
                opencv_core.addWeighted(bgr, 1, noise, 1, -128, bgr);
            }
            return toFrame(bgr, number);
        }
    }

    private static Mat points(float[] xy) {
        Mat m = new Mat(4, 1, opencv_core.CV_32FC2);
        FloatIndexer idx = m.createIndexer();
        for (int i = 0; i < 4; i++) {
            idx.put(i, 0, 0, xy[2 * i]);
            idx.put(i, 0, 1, xy[2 * i + 1]);
        }
        idx.close();
        return m;
    }
}
