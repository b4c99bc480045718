package org.groundtruth.store.casefile;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.casefile.FeatureMapping;
import org.groundtruth.core.casefile.ImportedFeature;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;

/**
 * Turns the points of an interchange file into incidents, each with an accepted pin at the point. Every
 * feature is mapped and validated before the first incident is written, so a file with a bad feature writes
 * nothing; the custody log records the file and feature each incident came from.
 */
public final class FeatureImporter {
    private final Investigation investigation;
    private final Clock clock;

    public FeatureImporter(Investigation investigation, Clock clock) {
        this.investigation = investigation;
        this.clock = clock;
    }

    /** The incidents the features would become (fresh ids, not yet saved): the preview. */
    public static List<FeatureMapping.Mapped> preview(Path file, FeatureFile features) {
        List<FeatureMapping.Mapped> mapped = new ArrayList<>(features.features().size());
        int n = 0;
        for (ImportedFeature feature : features.features()) {
            n++;
            mapped.add(FeatureMapping.map(feature, "Imported point " + n + " from " + file.getFileName()));
        }
        return mapped;
    }

    public record Result(List<String> incidentIds, int skipped) {
    }

    public Result importAll(Path file, FeatureFile features, String analyst) {
        List<FeatureMapping.Mapped> mapped = preview(file, features);
        List<GeolocationPin> pins = new ArrayList<>(mapped.size());
        for (int i = 0; i < mapped.size(); i++) {
            pins.add(pin(mapped.get(i), features.features().get(i), file, analyst));
        }
        List<String> ids = new ArrayList<>(mapped.size());
        for (int i = 0; i < mapped.size(); i++) {
            FeatureMapping.Mapped m = mapped.get(i);
            String reason = "imported from " + file.getFileName() + " (" + features.format() + ", feature " + (i + 1)
                    + m.originalId().map(id -> ", id " + id).orElse("") + ")";
            Incident created = investigation.incidents().create(m.incident(), analyst, reason);
            investigation.verification().addPin(pins.get(i), analyst, reason);
            ids.add(created.id());
        }
        return new Result(ids, features.skipped());
    }

    private GeolocationPin pin(FeatureMapping.Mapped m, ImportedFeature feature, Path file, String analyst) {
        return new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), m.incident().id(), feature.position(),
                m.precisionMeters(), Optional.empty(), "Imported from " + file.getFileName()
                        + "; the position is the file's, not yet checked in this workspace.",
                List.of(), "", Optional.empty(), analyst, true, clock.instant());
    }
}
