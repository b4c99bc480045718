package org.groundtruth.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.PngFiles;
import org.groundtruth.media.Timecode;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth frame VIDEO (--frame N | --time SECONDS) --out FILE.png}: one exact frame as PNG. */
@Command(name = "frame", description = "Write one exact frame of a video as a PNG file (frames count from 0).")
final class FrameCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video file.")
    Path video;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Position position;

    static final class Position {
        @Option(names = "--frame", paramLabel = "N", description = "Frame number, from 0.")
        Long frame;

        @Option(names = "--time", paramLabel = "SECONDS", description = "Time from the start: seconds or HH:MM:SS.mmm.")
        String time;
    }

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    record Written(String video, long frameNumber, double timeSeconds, String timecode, int width, int height,
            String out, String sha256) {
    }

    @Override
    public Integer call() {
        MediaInput.requireOutputFolder(out);
        if (position.frame != null && position.frame < 0) {
            throw new BadInputException("--frame must be 0 or more, was " + position.frame);
        }
        double seconds = position.time == null ? -1 : Timecode.parseSeconds(position.time).orElseThrow(
                () -> new BadInputException("--time: not a time: " + position.time + " (use seconds or HH:MM:SS.mmm)"));
        VideoFrame frame;
        try (VideoDecoder decoder = VideoDecoder.open(video)) {
            long wanted = position.frame != null ? position.frame
                    : Timecode.frameAt(seconds, decoder.info().frameRate());
            if (wanted > decoder.info().lastFrame()) {
                throw new BadInputException(video + ": frame " + wanted + " is beyond the last frame ("
                        + decoder.info().lastFrame() + ")");
            }
            frame = decoder.frame(wanted);
            if (frame.frameNumber() != wanted) {
                throw new BadInputException(video + ": frame " + wanted + " cannot be decoded; the stream ends at frame "
                        + frame.frameNumber());
            }
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(video, e);
        }
        byte[] png = PngFiles.encode(frame.toBufferedImage());
        try {
            PngFiles.writeAtomically(png, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(out + ": cannot write (" + e.getMessage() + ")", e);
        }
        Written written = new Written(video.toString(), frame.frameNumber(), frame.timeSeconds(),
                Timecode.format(frame.timeSeconds()), frame.width(), frame.height(), out.toString(), PngFiles.sha256(png));
        if (json) {
            Output.json(spec, written);
        } else {
            Output.line(spec, String.format(Locale.ROOT, "frame %d (%s) %dx%d -> %s", written.frameNumber(),
                    written.timecode(), written.width(), written.height(), out));
        }
        return Cli.OK;
    }
}
