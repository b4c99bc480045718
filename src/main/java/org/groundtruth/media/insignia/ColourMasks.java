package org.groundtruth.media.insignia;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/** The colour pre-filter's masks for one frame, computed once per set of hues and shared by the templates. */
final class ColourMasks implements AutoCloseable {
    private final Map<List<HueRange>, Mat> masks = new HashMap<>();

    Mat of(Mat frame, List<HueRange> hues) {
        return masks.computeIfAbsent(hues, h -> PreparedTemplate.colourMask(frame, h));
    }

    @Override
    public void close() {
        masks.values().forEach(Mat::close);
        masks.clear();
    }
}
