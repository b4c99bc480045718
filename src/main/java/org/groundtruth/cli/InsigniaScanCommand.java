package org.groundtruth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.media.MediaFiles;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.MediaTypes;
import org.groundtruth.media.insignia.InsigniaScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth insignia scan FILE --template IMAGE [--template IMAGE ...] [--marking TEXT ...] [--every N] [--json]}: candidate
 * boxes where the templates are seen in a video (every Nth frame and every key frame; runs of frames merged) or a
 * photo. Reads files only; the investigation is not touched.
 */
@Command(name = "scan", description = "Find where emblem templates are visible in a video or photo (candidates for the analyst).")
final class InsigniaScanCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "Video or photo to scan.") Path file;
    @Option(names = "--template", paramLabel = "IMAGE",
            description = "Emblem picture (PNG with or without transparency, SVG, JPEG…); repeat for several.") List<Path> templates = new ArrayList<>();
    @Option(names = "--marking", paramLabel = "TEXT",
            description = "Text marking to read by OCR (ДСНС, 101, ШВИДКА, RESCUE…); repeat for several.") List<String> markings = new ArrayList<>();
    @Option(names = "--every", paramLabel = "N", defaultValue = "5",
            description = "Scan every Nth frame, key frames always (default ${DEFAULT-VALUE}).") int every;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    /** One candidate as printed: box as fractions of the frame, frames empty (null) for a photo. */
    record Row(Optional<Long> frame, List<Double> box, String template, double score, Optional<Long> firstFrame,
            Optional<Long> lastFrame) {
        static Row of(ScanCandidate c) {
            return new Row(c.frame(), List.of(round(c.box().x()), round(c.box().y()), round(c.box().width()),
                    round(c.box().height())), c.template(), Math.round(c.score() * 1000) / 1000.0, c.firstFrame(), c.lastFrame());
        }

        private static double round(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }
    }

    @Override
    public Integer call() {
        ScanSettings settings = ScanSettings.DEFAULT.withEveryNth(every);
        if (templates.isEmpty() && markings.isEmpty()) {
            throw new BadInputException("give at least one --template IMAGE (or --marking TEXT) to look for");
        }
        if (markings.stream().anyMatch(String::isBlank)) {
            throw new BadInputException("--marking must not be empty");
        }
        List<InsigniaScanner.TemplateInput> inputs = new ArrayList<>();
        for (Path template : templates) {
            inputs.add(new InsigniaScanner.TemplateInput(name(template), InsigniaType.OTHER, picture(template)));
        }
        String type;
        try {
            MediaFiles.requireReadable(file);
            type = MediaTypes.detect(MediaFiles.head(file, 64 * 1024));
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(file, e);
        }
        InsigniaScanner scanner;
        try {
            scanner = new InsigniaScanner(inputs, markings, settings);
        } catch (MediaFormatException e) {
            // Tesseract's language data is missing: the installation, not the input, is at fault
            throw new java.io.UncheckedIOException(e.getMessage(), new IOException(e));
        }
        InsigniaScanner.Result result;
        try (scanner) {
            if (MediaTypes.isImage(type)) {
                result = scanner.scanPhoto(file);
            } else if (MediaTypes.isVideo(type)) {
                result = scanner.scanVideo(file, () -> false, n -> { }, c -> { });
            } else {
                throw new BadInputException(file + ": is " + type + ", not a video or photo");
            }
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(file, e);
        }
        List<Row> rows = result.candidates().stream().map(Row::of).toList();
        if (json) {
            Output.json(spec, rows);
        } else {
            for (Row r : rows) {
                Output.line(spec, String.format(Locale.ROOT, "%s  %s  score %.3f  box %s", r.frame()
                        .map(n -> "frame " + n + " (" + r.firstFrame().orElse(n) + ".." + r.lastFrame().orElse(n) + ")")
                        .orElse("photo"), r.template(), r.score(), String.join(",", r.box().stream().map(String::valueOf).toList())));
            }
            Output.line(spec, rows.size() + " candidates; " + result.framesScanned() + " of " + result.framesDecoded()
                    + " frames scanned");
        }
        return Cli.OK;
    }

    /** A template is reported by its file name. */
    private static String name(Path template) {
        Path name = template.getFileName();
        return name == null ? template.toString() : name.toString();
    }

    private static byte[] picture(Path template) {
        try {
            MediaFiles.requireReadable(template);
            byte[] bytes = Files.readAllBytes(template);
            if (org.groundtruth.media.insignia.TemplatePictures.isSvg(bytes)) {
                return org.groundtruth.media.insignia.TemplatePictures.fromSvg(bytes);
            }
            if (!MediaTypes.isImage(MediaTypes.detect(bytes))) {
                throw new BadInputException(template + ": --template is not a picture (PNG, SVG, JPEG, TIFF, WebP)");
            }
            return bytes;
        } catch (MediaFormatException e) {
            throw new BadInputException(template + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(template + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
