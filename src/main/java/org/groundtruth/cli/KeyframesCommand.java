package org.groundtruth.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.media.Keyframe;
import org.groundtruth.media.KeyframeScanner;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.PngFiles;
import org.groundtruth.media.Timecode;
import org.groundtruth.media.VideoDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth keyframes VIDEO --out DIR [--json]}: scene-change keyframes written as full-size PNGs. */
@Command(name = "keyframes", description = "Find scene changes in a video and write each keyframe as a PNG into a folder.")
final class KeyframesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video file.")
    Path video;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the PNG files (created if missing).")
    Path out;

    @Option(names = "--threshold", paramLabel = "0..1", defaultValue = "0.3",
            description = "Scene-change score a frame must exceed (FFmpeg's scene score; default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    record Written(long frameNumber, double timeSeconds, String timecode, double score, String perceptualHash,
            String file) {
    }

    record Result(String video, long framesScanned, double threshold, List<Written> keyframes) {
    }

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new BadInputException("--threshold must be in (0, 1], was " + threshold);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out + ": is a file, not a folder");
        }
        KeyframeScanner.Settings settings = new KeyframeScanner.Settings(threshold,
                KeyframeScanner.Settings.DEFAULT.minGapSeconds(), KeyframeScanner.Settings.DEFAULT.thumbnailWidth(),
                KeyframeScanner.Settings.DEFAULT.maxKeyframes(), 0, false);
        List<Written> written = new ArrayList<>();
        KeyframeScanner.Scan scan;
        try {
            scan = new KeyframeScanner(settings).scan(video, () -> false, k -> { });
            Files.createDirectories(out);
            try (VideoDecoder decoder = VideoDecoder.open(video)) {
                for (Keyframe k : scan.keyframes()) {
                    Path file = out.resolve(String.format(Locale.ROOT, "frame-%06d.png", k.frameNumber()));
                    PngFiles.writeAtomically(PngFiles.encode(decoder.frame(k.frameNumber()).toBufferedImage()), file);
                    written.add(new Written(k.frameNumber(), k.timeSeconds(), Timecode.format(k.timeSeconds()),
                            Math.round(k.score() * 1000) / 1000.0, k.perceptualHash(), file.toString()));
                }
            }
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(video, e);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write (" + e.getMessage() + ")", e);
        }
        if (json) {
            Output.json(spec, new Result(video.toString(), scan.framesDecoded(), threshold, written));
        } else {
            for (Written w : written) {
                Output.line(spec, String.format(Locale.ROOT, "%8d  %s  score %.3f  %s", w.frameNumber(), w.timecode(),
                        w.score(), w.file()));
            }
            Output.line(spec, written.size() + " keyframes in " + scan.framesDecoded() + " frames -> " + out);
        }
        return Cli.OK;
    }
}
