package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Coded;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.casefile.ReportText;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.map.report.BasemapSnapshots;
import org.groundtruth.media.EvidenceFrameFigures;
import org.groundtruth.media.VideoRemuxer;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.casefile.CaseExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundtruth export --out case.zip}: a signed case file of the chosen incidents. */
@Command(name = "export", description = "Write a signed case file (ZIP): GeoJSON, KML, CSV, report (HTML, PDF), custody log, evidence.")
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The case file to write (.zip).")
    Path out;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only incidents with this status (repeatable, or comma-separated).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--incident", paramLabel = "ID", split = ",", description = "Only these incidents (repeatable).")
    List<String> incidents = new ArrayList<>();

    @Option(names = "--no-media", description = "Leave the evidence originals out (hashes stay in the data).")
    boolean noMedia;

    @Option(names = "--public", description = "A publishable version: photos and videos without metadata, coordinates on a "
            + "grid, no analyst names, nothing marked sensitive.")
    boolean publicVersion;

    @Option(names = "--grid", paramLabel = "METRES", defaultValue = "500",
            description = "Grid cell for --public (default ${DEFAULT-VALUE} m).")
    double gridMeters;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the report's headings: en or uk "
            + "(default: the language chosen in the settings, else the system's).")
    Optional<String> language = Optional.empty();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Result(String file, int incidents, int evidenceFiles, long bytes, String signerFingerprint) {
    }

    private Locale reportLanguage() {
        if (language.isEmpty()) {
            return Settings.load().locale();
        }
        String code = language.get().strip().toLowerCase(Locale.ROOT);
        if (!ReportText.LANGUAGES.contains(code)) {
            throw new BadInputException("--lang '" + language.get() + "' is not one of: "
                    + String.join(", ", ReportText.LANGUAGES));
        }
        return Locale.forLanguageTag(code);
    }

    @Override
    public Integer call() {
        Set<VerificationStatus> wanted = new HashSet<>();
        for (String status : statuses) {
            wanted.add(Coded.parse(VerificationStatus.class, status, "status"));
        }
        ExportOptions options = new ExportOptions(wanted, incidents, !noMedia,
                publicVersion ? Optional.of(new GridSnap(gridMeters)) : Optional.empty(), reportLanguage());
        GroundtruthCommand root = Workspace.root(spec);
        try (Investigation inv = Workspace.open(root);
                ReportFigures figures = new ReportFigures(BasemapSnapshots.shipped(), new EvidenceFrameFigures(),
                        new org.groundtruth.map.report.MatchOverlays())) {
            CaseExporter.Summary summary = new CaseExporter(inv, figures, new VideoRemuxer()).export(options, out,
                    Workspace.analyst(root), ProgressMonitor.NONE);
            if (json) {
                Output.json(spec, new Result(summary.file().toString(), summary.incidents(), summary.evidenceFiles(),
                        summary.bytes(), summary.signerFingerprint()));
            } else {
                Output.line(spec, "Exported " + summary.incidents() + " incidents and " + summary.evidenceFiles()
                        + " evidence files to " + summary.file() + " (" + summary.bytes() + " bytes)");
                Output.line(spec, "Signed with key " + summary.signerFingerprint());
                if (inv.isReadOnly()) {
                    Output.line(spec, "Not recorded in the custody log: the investigation is read-only");
                }
            }
            return Cli.OK;
        }
    }
}
