package org.groundtruth.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.casefile.FeatureMapping;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.FeatureFile;
import org.groundtruth.store.casefile.FeatureFileReader;
import org.groundtruth.store.casefile.FeatureImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth import-features FILE}: points from KML/KMZ, GeoJSON, GPX, CSV or GeoPackage become incidents. */
@Command(name = "import-features", description = "Create incidents with pins from the points of a KML/KMZ, GeoJSON, "
        + "GPX, CSV or GeoPackage file; attributes map to incident fields where names match.")
final class ImportFeaturesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The feature file.")
    Path file;

    @Option(names = "--lat", paramLabel = "COL", description = "CSV column holding the latitude (default: detected).")
    String lat;

    @Option(names = "--lon", paramLabel = "COL", description = "CSV column holding the longitude (default: detected).")
    String lon;

    @Option(names = "--dry-run", description = "Show what would be imported; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Preview(String title, double lat, double lon, double precisionM, String occurredAt) {
    }

    record Result(String format, boolean dryRun, int features, int skipped, String skipReason, List<String> incidentIds,
            List<Preview> preview) {
    }

    @Override
    public Integer call() {
        FeatureFile features = FeatureFileReader.read(file, Optional.ofNullable(lat), Optional.ofNullable(lon));
        List<FeatureMapping.Mapped> mapped = FeatureImporter.preview(file, features);
        List<Preview> preview = new java.util.ArrayList<>();
        for (int i = 0; i < mapped.size(); i++) {
            var position = features.features().get(i).position();
            preview.add(new Preview(mapped.get(i).incident().title(), position.lat(), position.lon(),
                    mapped.get(i).precisionMeters(),
                    mapped.get(i).incident().occurredAt().map(Object::toString).orElse(null)));
        }
        List<String> ids = List.of();
        if (!dryRun) {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                ids = new FeatureImporter(inv, Clock.systemUTC()).importAll(file, features, Workspace.analyst(root))
                        .incidentIds();
            }
        }
        if (json) {
            Output.json(spec, new Result(features.format(), dryRun, features.features().size(), features.skipped(),
                    features.skipReason(), ids, preview));
        } else {
            for (Preview p : preview) {
                Output.line(spec, String.format(java.util.Locale.ROOT, "%10.6f %11.6f  ±%.0f m  %s", p.lat(), p.lon(),
                        p.precisionM(), p.title()));
            }
            Output.line(spec, (dryRun ? "Would import " : "Imported ") + features.features().size() + " points from "
                    + file + " (" + features.format() + ")" + (features.skipped() > 0 ? "; skipped "
                    + features.skipped() + " (" + features.skipReason() + ")" : ""));
        }
        return Cli.OK;
    }
}
