package org.groundtruth.store.casefile;

import java.util.List;
import org.groundtruth.core.casefile.ImportedFeature;

/**
 * What an interchange file held: its points, and how many features were skipped (lines, polygons, points
 * without valid coordinates) with a sample reason.
 */
public record FeatureFile(String format, List<ImportedFeature> features, int skipped, String skipReason) {
    public FeatureFile {
        features = List.copyOf(features);
    }
}
