package org.groundtruth.media.insignia;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One template rotation at the sizes it has been correlated at, each made once: the same rotation is resized to
 * the same few sizes for blob after blob and frame after frame (correlation is at most 36 px across), and resizing
 * per blob was a quarter of the scan's time (decision 1821). Shared by the threads scanning frames in parallel;
 * the cached pictures are only read. Sizes beyond {@link #MAX_SIZES} (the whole-frame search of black-and-white
 * emblems) are made for the one call and not kept.
 */
final class ScaledTemplates implements AutoCloseable {
    /** Most sizes kept per rotation: 36x36 sizes of at most 4 KB each. */
    static final int MAX_SIZES = 1500;

    /**
     * A resized rotation: picture (area-averaged), mask (nearest) and whether the mask covers all of it — then
     * correlation needs no mask. {@code owned} is true when the caller must close it (not kept).
     */
    record Scaled(Mat picture, Mat mask, boolean full, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                picture.close();
                mask.close();
            }
        }
    }

    private final ConcurrentMap<Long, Scaled> sizes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Scaled of(Mat bgr, Mat mask, int tw, int th) {
        long key = ((long) tw << 32) | (th & 0xffffffffL);
        Scaled kept = sizes.get(key);
        if (kept != null) {
            return kept;
        }
        if (closed || sizes.size() >= MAX_SIZES) {
            return make(bgr, mask, tw, th, true);
        }
        return sizes.computeIfAbsent(key, k -> make(bgr, mask, tw, th, false));
    }

    private static Scaled make(Mat bgr, Mat mask, int tw, int th, boolean owned) {
        Mat t = new Mat();
        Mat m = new Mat();
        opencv_imgproc.resize(bgr, t, new Size(tw, th), 0, 0, opencv_imgproc.INTER_AREA);
        opencv_imgproc.resize(mask, m, new Size(tw, th), 0, 0, opencv_imgproc.INTER_NEAREST);
        return new Scaled(t, m, opencv_core.countNonZero(m) == m.total(), owned);
    }

    @Override
    public void close() {
        closed = true;
        for (Scaled s : sizes.values()) {
            s.picture().close();
            s.mask().close();
        }
        sizes.clear();
    }
}
