package org.groundtruth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.MetadataJson;
import org.groundtruth.media.MetadataReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth metadata FILE|DIR ... [--json] [--tags]}: the normalized metadata of photos, videos and DJI
 * SRT sidecars (read-only; nothing is imported). One file gives one JSON object, as before; several files or a
 * folder (its files, not its subfolders, by name) give a JSON array in input order, one object per file with its
 * {@code "file"}, a file that cannot be read as {@code {"file", "error"}} — the run goes on and exits 2 at the end.
 * Files are read in parallel in one process (no JVM start per file). Warnings go to stderr, one line each.
 */
@Command(name = "metadata", description = "Print GPS, creation time, device and technical metadata of a photo, video or DJI SRT file.")
final class MetadataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Photos, videos, DJI SRT files or folders of them.")
    java.util.List<Path> inputs;

    Path file;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--tags", description = "Also print every raw tag (group, name, value).")
    boolean tags;

    @Override
    public Integer call() {
        if (inputs.size() > 1 || java.nio.file.Files.isDirectory(inputs.get(0))) {
            return new MetadataBatch(spec, json, tags).run(inputs);
        }
        file = inputs.get(0);
        MediaMetadata metadata;
        try {
            metadata = new MetadataReader().read(file);
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(file, e);
        }
        for (String warning : metadata.warnings()) {
            spec.commandLine().getErr().println("groundtruth: warning: " + file + ": " + warning);
        }
        if (json) {
            ObjectNode document = MetadataJson.summary(metadata.summary());
            if (tags) {
                ArrayNode array = document.putArray("tags");
                metadata.tags().forEach(t -> array.addObject().put("group", t.group()).put("name", t.name())
                        .put("value", t.value()));
            }
            Output.json(spec, document);
        } else {
            printHuman(metadata);
        }
        return Cli.OK;
    }

    void printHuman(MediaMetadata metadata) {
        MetadataSummary s = metadata.summary();
        Output.line(spec, file.toString());
        Output.line(spec, "  GPS          " + s.gps().map(MetadataCommand::describe).orElse("none"));
        Output.line(spec, "  Created      " + s.createdAt().orElse("-"));
        s.createdLocal().ifPresent(local -> Output.line(spec, "  Local time   " + local));
        Output.line(spec, "  Device       " + (s.make().isEmpty() && s.model().isEmpty() ? "-"
                : (s.make().orElse("") + " " + s.model().orElse("")).strip()));
        if (s.width().isPresent() && s.height().isPresent()) {
            Output.line(spec, "  Size         " + s.width().get() + " x " + s.height().get() + " px");
        }
        s.durationSeconds().ifPresent(d -> Output.line(spec, String.format(Locale.ROOT, "  Duration     %.3f s", d)));
        s.frameRate().ifPresent(f -> Output.line(spec, String.format(Locale.ROOT, "  Frame rate   %.3f fps", f)));
        s.codec().ifPresent(c -> Output.line(spec, "  Codec        " + c));
        s.fixes().ifPresent(n -> Output.line(spec, "  Fixes        " + n));
        if (tags) {
            for (MetadataTag t : metadata.tags()) {
                Output.line(spec, "  [" + t.group() + "] " + t.name() + " = " + t.value());
            }
        } else {
            Output.line(spec, "  (" + metadata.tags().size() + " raw tags; --tags lists them)");
        }
    }

    static String describe(GpsFix gps) {
        return String.format(Locale.ROOT, "%.6f, %.6f", gps.latitudeDegrees(), gps.longitudeDegrees())
                + gps.altitudeMetres().map(a -> String.format(Locale.ROOT, ", %.1f m", a)).orElse("")
                + " (" + gps.source() + ")";
    }
}
