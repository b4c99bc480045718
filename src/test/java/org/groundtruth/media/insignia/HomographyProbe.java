package org.groundtruth.media.insignia;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;

public final class HomographyProbe {
    static Mat gray(Mat f) { Mat g = new Mat(); org.bytedeco.opencv.global.opencv_imgproc.cvtColor(f, g, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY); return g; }
    public static void main(String[] args) {
        VideoFrame bg;
        try (VideoDecoder d = VideoDecoder.open(Path.of("..", "shared", "data", "media", "video", "with-gps.mp4"))) {
            bg = EmblemComposer.resized(d.frame(0), 1280, 720);
        }
        byte[] badge = RescueBadge.png();
        PreparedTemplate t = PreparedTemplate.of("b", InsigniaType.DSNS_EMBLEM, badge);
        System.out.println("hues " + t.hues());
        Random r = new Random(3);
        for (int size : new int[] {48, 64, 96, 128}) {
            for (double tilt : new double[] {0.0, 0.4, 0.55, 0.7}) {
                var c = EmblemComposer.compose(bg, badge, new EmblemComposer.Distortion(size, r.nextDouble() * 360, tilt, 0.5, 2, 95), r);
                try (Mat frame = OpenCvImages.bgr(c.frame()); ColourMasks masks = new ColourMasks(); Mat closed = new Mat()) {
                    EmblemMatcher m = new EmblemMatcher(ScanSettings.DEFAULT);
                    List<Rect> blobs = m.blobs(masks.of(frame, t.hues()), closed);
                    Rect truth = c.truth();
                    StringBuilder sb = new StringBuilder();
                    for (Rect b : blobs) {
                        if (EmblemMatcher.iou(b, truth) > 0.05) {
                            sb.append(" blob ").append(b.x()).append(',').append(b.y()).append(' ').append(b.width()).append('x').append(b.height())
                                    .append(" iou ").append(String.format("%.2f", EmblemMatcher.iou(b, truth)));
                            HomographyMatcher.debug = true;
                            var found = new HomographyMatcher(0.7, 16).find(gray(frame), ShapeMoments.of(closed.apply(b), b.x(), b.y()), t.features().get());
                            HomographyMatcher.debug = false;
                            sb.append(found.map(f -> " FOUND iou " + String.format("%.2f", EmblemMatcher.iou(f.box(), truth))).orElse(" none"));
                        }
                    }
                    var all = m.find(frame, t, masks);
                    System.out.printf("size %d tilt %.2f truth %d,%d %dx%d:%s | find: %s%n", size, tilt, truth.x(), truth.y(), truth.width(), truth.height(), sb,
                            all.stream().map(x -> x.method() + String.format(" %.2f iou %.2f", x.score(), EmblemMatcher.iou(x.box(), truth))).toList());
                }
            }
        }
    }
}
