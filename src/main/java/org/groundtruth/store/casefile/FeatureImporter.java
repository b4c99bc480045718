package org.groundtruth.store.casefile;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.casefile.FeatureMapping;
import org.groundtruth.core.casefile.ImportedFeature;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.VerificationRecords.PinnedIncident;

/**
 * Turns the points of an interchange file into incidents, each with an accepted pin at the point. The whole
 * file is one transaction: all features or none (a bad feature, a parse error part-way or a killed process
 * stores nothing). Features are streamed from the file into that transaction, so the heap stays flat however
 * many points the file holds; the custody log records the file and feature each incident came from.
 */
public final class FeatureImporter {
    private final Investigation investigation;
    private final Clock clock;

    public FeatureImporter(Investigation investigation, Clock clock) {
        this.investigation = investigation;
        this.clock = clock;
    }

    /** The incident feature {@code number} (from 1) would become (a fresh id, not yet saved); errors name it. */
    public static FeatureMapping.Mapped map(Path file, ImportedFeature feature, int number) {
        try {
            return FeatureMapping.map(feature, "Imported point " + number + " from " + file.getFileName());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": feature " + number + ": " + e.getMessage());
        }
    }

    /** The incidents the features would become (fresh ids, not yet saved): the preview. */
    public static List<FeatureMapping.Mapped> preview(Path file, FeatureFile features) {
        List<FeatureMapping.Mapped> mapped = new ArrayList<>(features.features().size());
        int n = 0;
        for (ImportedFeature feature : features.features()) {
            mapped.add(map(file, feature, ++n));
        }
        return mapped;
    }

    public record Result(List<String> incidentIds, int skipped) {
    }

    /** One imported point, as it is written. */
    public record Imported(String incidentId, ImportedFeature feature, FeatureMapping.Mapped mapped) {
    }

    /** Imports features already read (the window's previewed file), in one transaction. */
    public Result importAll(Path file, FeatureFile features, String analyst) {
        List<String> ids = new ArrayList<>(features.features().size());
        investigation.verification().createPinned(analyst, sink -> {
            int n = 0;
            for (ImportedFeature feature : features.features()) {
                n++;
                ids.add(write(sink, file, features.format(), feature, n, analyst).incidentId());
            }
        });
        return new Result(ids, features.skipped());
    }

    /**
     * Streams {@code file} into one transaction: {@code each} sees every point as it is written (nothing is
     * committed until the last one). Throws, having stored nothing, if any feature or the file is bad.
     */
    public FeatureFileReader.Summary importStreaming(Path file, Optional<String> latColumn, Optional<String> lonColumn,
            String analyst, Consumer<Imported> each) {
        String format = FeatureFileReader.formatOf(file);
        FeatureFileReader.Summary[] summary = new FeatureFileReader.Summary[1];
        investigation.verification().createPinned(analyst, sink -> {
            int[] n = {0};
            summary[0] = FeatureFileReader.stream(file, latColumn, lonColumn,
                    feature -> each.accept(write(sink, file, format, feature, ++n[0], analyst)));
        });
        return summary[0];
    }

    /** Reads {@code file} without writing anything, passing on each point as it would be imported. */
    public static FeatureFileReader.Summary dryRun(Path file, Optional<String> latColumn, Optional<String> lonColumn,
            Consumer<Imported> each) {
        int[] n = {0};
        return FeatureFileReader.stream(file, latColumn, lonColumn, feature -> {
            FeatureMapping.Mapped m = map(file, feature, ++n[0]);
            each.accept(new Imported(m.incident().id(), feature, m));
        });
    }

    private Imported write(Consumer<PinnedIncident> sink, Path file, String format, ImportedFeature feature, int n,
            String analyst) {
        FeatureMapping.Mapped m = map(file, feature, n);
        String reason = "imported from " + file.getFileName() + " (" + format + ", feature " + n
                + m.originalId().map(id -> ", id " + id).orElse("") + ")";
        sink.accept(new PinnedIncident(m.incident(), pin(m, feature, file, analyst), reason));
        return new Imported(m.incident().id(), feature, m);
    }

    private GeolocationPin pin(FeatureMapping.Mapped m, ImportedFeature feature, Path file, String analyst) {
        return new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), m.incident().id(), feature.position(),
                m.precisionMeters(), Optional.empty(), "Imported from " + file.getFileName()
                        + "; the position is the file's, not yet checked in this workspace.",
                List.of(), "", Optional.empty(), analyst, true, clock.instant());
    }
}
