package org.groundtruth.media.insignia;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The colour pre-filter's masks for one frame: the frame is converted and split once, and each set of hues gets
 * its mask once, shared by the templates that look for it.
 */
final class ColourMasks implements AutoCloseable {
    private final Map<List<HueRange>, Mat> masks = new HashMap<>();
    private Mat chromatic;
    private Mat hue;

    Mat of(Mat frame, List<HueRange> hues) {
        if (chromatic == null) {
            chromatic = new Mat();
            hue = new Mat();
            PreparedTemplate.chromaticAndHue(frame, chromatic, hue);
        }
        return masks.computeIfAbsent(hues, h -> PreparedTemplate.colourMask(chromatic, hue, h));
    }

    @Override
    public void close() {
        masks.values().forEach(Mat::close);
        masks.clear();
        if (chromatic != null) {
            chromatic.close();
            hue.close();
        }
    }
}
