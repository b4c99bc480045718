package org.groundtruth.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.Times;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.EvidenceService.ImportResult;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth import FILE...}: stores originals in the vault (hashed, deduplicated) and records them. */
@Command(name = "import", description = "Import evidence files into the vault, optionally for an incident.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    List<Path> files;

    @Option(names = "--incident", paramLabel = "ID", description = "Link the imported items to this incident.")
    String incidentId;

    @Option(names = "--source-url", paramLabel = "URL", description = "Post the material was found in.")
    String sourceUrl;

    @Option(names = "--source-name", paramLabel = "NAME", description = "Account or channel that posted it.")
    String sourceName;

    @Option(names = "--posted-at", paramLabel = "ISO-8601", description = "When it was posted (UTC unless an offset is given).")
    String postedAt;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Imported(String id, String sha256, long size, String mediaType, boolean duplicate) {
    }

    @Override
    public Integer call() {
        // Everything the user gave is checked before anything is written.
        for (Path file : files) {
            EvidenceService.checkImportable(file);
        }
        Optional<Source> source = source();
        GroundtruthCommand root = Workspace.root(spec);
        try (Investigation inv = Workspace.open(root)) {
            ImportRequest request = new ImportRequest(Optional.ofNullable(incidentId), source, Sensitivity.PUBLIC);
            inv.evidence().checkRequest(request);
            String analyst = Workspace.analyst(root);
            List<Imported> results = new ArrayList<>();
            for (Path file : files) {
                ImportResult r = inv.evidence().importFile(file, withFreshSourceId(request), analyst,
                        ProgressMonitor.NONE);
                results.add(new Imported(r.item().id(), r.item().sha256().hex(), r.item().sizeBytes(),
                        r.item().mediaType(), r.duplicate()));
                if (!json) {
                    Output.line(spec, String.format(Locale.ROOT, "%s  %s  %,d bytes  %s%s  %s", r.item().id(),
                            r.item().sha256().hex(), r.item().sizeBytes(), r.item().mediaType(),
                            r.duplicate() ? "  (already in the investigation)" : "", file));
                }
            }
            if (json) {
                Output.json(spec, results);
            }
        }
        return Cli.OK;
    }

    /** Each imported file gets its own source record describing the same post. */
    private static ImportRequest withFreshSourceId(ImportRequest request) {
        return new ImportRequest(request.incidentId(), request.source().map(s -> new Source(Ids.next(Source.ID_PREFIX),
                s.platform(), s.account(), s.postUrl(), s.postId(), s.postedAt(), s.caption(), s.language(),
                s.translation())), request.sensitivity());
    }

    private Optional<Source> source() {
        if (sourceUrl == null && sourceName == null && postedAt == null) {
            return Optional.empty();
        }
        Optional<Instant> posted = postedAt == null ? Optional.empty() : Optional.of(Times.parseInstant(postedAt,
                "--posted-at"));
        String url = sourceUrl == null ? "" : sourceUrl.strip();
        try {
            return Optional.of(Source.of(platformOf(url), sourceName == null ? "" : sourceName, url, posted, ""));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--source-url '" + sourceUrl + "': " + e.getMessage(), e);
        }
    }

    static String platformOf(String url) {
        if (url.isEmpty()) {
            return "";
        }
        try {
            String host = Optional.ofNullable(URI.create(url).getHost()).orElse("").toLowerCase(Locale.ROOT);
            if (host.equals("t.me") || host.endsWith("telegram.org") || host.endsWith("telegram.me")) {
                return "Telegram";
            }
            if (host.endsWith("x.com") || host.endsWith("twitter.com")) {
                return "X";
            }
            if (host.endsWith("youtube.com") || host.equals("youtu.be")) {
                return "YouTube";
            }
            if (host.endsWith("facebook.com")) {
                return "Facebook";
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--source-url '" + url + "' is not a valid URL");
        }
    }
}
