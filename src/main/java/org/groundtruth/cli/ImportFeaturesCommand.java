package org.groundtruth.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.groundtruth.core.casefile.FeatureMapping;
import org.groundtruth.store.Investigation;
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

    /**
     * Streams the file: each point is printed as it is read (with {@code --json} it is collected for the one
     * document), and a real import writes every point in one transaction, so nothing is stored unless all are.
     */
    @Override
    public Integer call() {
        List<Preview> preview = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        Consumer<FeatureImporter.Imported> each = imported -> {
            var position = imported.feature().position();
            FeatureMapping.Mapped m = imported.mapped();
            Preview p = new Preview(m.incident().title(), position.lat(), position.lon(), m.precisionMeters(),
                    m.incident().occurredAt().map(Object::toString).orElse(null));
            if (json) {
                preview.add(p);
                if (!dryRun) {
                    ids.add(imported.incidentId());
                }
            } else if (dryRun) {
                Output.line(spec, line(p));
            }
        };
        FeatureFileReader.Summary summary;
        if (dryRun) {
            summary = FeatureImporter.dryRun(file, Optional.ofNullable(lat), Optional.ofNullable(lon), each);
        } else {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                summary = new FeatureImporter(inv, Clock.systemUTC()).importStreaming(file, Optional.ofNullable(lat),
                        Optional.ofNullable(lon), Workspace.analyst(root), each);
            }
        }
        if (json) {
            Output.json(spec, new Result(summary.format(), dryRun, summary.features(), summary.skipped(),
                    summary.skipReason(), ids, preview));
        } else {
            Output.line(spec, (dryRun ? "Would import " : "Imported ") + summary.features() + " points from "
                    + file + " (" + summary.format() + ")" + (summary.skipped() > 0 ? "; skipped "
                    + summary.skipped() + " (" + summary.skipReason() + ")" : ""));
        }
        return Cli.OK;
    }

    private static String line(Preview p) {
        return String.format(java.util.Locale.ROOT, "%10.6f %11.6f  ±%.0f m  %s", p.lat(), p.lon(), p.precisionM(),
                p.title());
    }
}
