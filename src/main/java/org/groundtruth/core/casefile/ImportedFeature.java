package org.groundtruth.core.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/** A point read from an interchange file: where it is and its attributes, keyed by the file's own names. */
public record ImportedFeature(LatLon position, Map<String, String> properties) {
    public ImportedFeature {
        Require.present(position, "position");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Require.present(properties, "properties")));
    }
}
