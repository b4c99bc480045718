package org.groundtruth.media.insignia;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;

public class ScanDebug {
    public static void main(String[] args) {
        VideoFrame bg;
        try (VideoDecoder d = VideoDecoder.open(Path.of("../shared/data/media/video/with-gps.mp4"))) {
            bg = d.frame(0);
        }
        var starter = StarterEmblems.all().get(0);
        var composed = EmblemComposer.compose(bg, starter.png(), EmblemComposer.Distortion.plain(48), new Random(1));
        System.out.println("truth " + composed.truth().x() + "," + composed.truth().y() + " " + composed.truth().width());
        try (Mat m = OpenCvImages.bgr(composed.frame())) {
            opencv_imgcodecs.imwrite("/tmp/composed.png", m);
            PreparedTemplate t = PreparedTemplate.of("rc", starter.type(), starter.png());
            System.out.println("hues " + t.hues() + " variants " + t.variants().size());
            for (var v : t.variants()) System.out.println(" v " + v.angleDegrees() + " " + v.bgr().cols() + "x" + v.bgr().rows() + " col " + v.colouredBox().x() + "," + v.colouredBox().y() + " " + v.colouredBox().width() + "x" + v.colouredBox().height());
            Mat mask = PreparedTemplate.colourMask(m, t.hues());
            System.out.println("mask nonzero " + opencv_core.countNonZero(mask));
            opencv_imgcodecs.imwrite("/tmp/mask.png", mask);
            var matcher = new EmblemMatcher(new ScanSettings(5, 16, 0.0));
            try (ColourMasks masks = new ColourMasks()) {
                for (var match : matcher.find(m, t, masks)) System.out.println(" match " + match.box().x() + "," + match.box().y() + " " + match.box().width() + " " + match.score());
            }
        }
    }
}
