package org.groundtruth.media.insignia;

import org.groundtruth.core.verify.InsigniaType;

/** For the benchmark: how many SIFT keypoints a template picture carries, and whether it gets the homography stage. */
public final class FeatureProbe {
    private FeatureProbe() {
    }

    /** Keypoints of the prepared template (0 when below {@link FeatureTemplate#MIN_KEYPOINTS}: no homography stage). */
    public static int keypoints(byte[] picture) {
        try (PreparedTemplate t = PreparedTemplate.of("probe", InsigniaType.OTHER, picture)) {
            return t.features().map(FeatureTemplate::keypointCount).orElse(0);
        }
    }
}
