package org.groundtruth.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.Investigation;
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

/**
 * {@code groundtruth frame VIDEO (--frame N | --time SECONDS) [--out FILE.png] [--store]}: one exact frame as PNG,
 * written to a file and/or stored in the vault as evidence derived from the video (VIDEO is then an evidence id).
 */
@Command(name = "frame", description = "Write one exact frame of a video as a PNG file (frames count from 0), "
        + "or store it as evidence derived from a video in the investigation.")
final class FrameCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video file, or the evidence id of a video in the investigation.")
    String videoArgument;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Position position;

    static final class Position {
        @Option(names = "--frame", paramLabel = "N", description = "Frame number, from 0.")
        Long frame;

        @Option(names = "--time", paramLabel = "SECONDS", description = "Time from the start: seconds or HH:MM:SS.mmm.")
        String time;
    }

    @Option(names = "--out", paramLabel = "FILE.png", description = "PNG file to write.")
    Path out;

    @Option(names = "--store", description = "Store the frame in the vault as a FRAME item derived from VIDEO "
            + "(an evidence id), with a custody-log entry.")
    boolean store;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    record Written(String video, long frameNumber, double timeSeconds, String timecode, int width, int height,
            String out, String sha256, String evidenceId) {
    }

    @Override
    public Integer call() {
        if (out == null && !store) {
            throw new BadInputException("give --out FILE.png, --store, or both");
        }
        if (out != null) {
            MediaInput.requireOutputFolder(out);
        }
        if (position.frame != null && position.frame < 0) {
            throw new BadInputException("--frame must be 0 or more, was " + position.frame);
        }
        if (store) {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                EvidenceItem item = inv.evidence().find(videoArgument).orElseThrow(() -> new BadInputException(
                        videoArgument + ": no such evidence item in " + inv.directory() + " (--store needs an evidence id)"));
                if (item.kind() != EvidenceKind.VIDEO) {
                    throw new BadInputException(videoArgument + ": is " + item.kind().code() + ", not a video");
                }
                VideoFrame frame = decode(inv.evidence().originalPath(item), videoArgument);
                byte[] png = PngFiles.encode(frame.toBufferedImage());
                writeFile(png);
                EvidenceService.ImportResult stored;
                try {
                    stored = inv.evidence().importDerivedFrame(new FrameReference(item.id(), frame.frameNumber()),
                            frame.timeSeconds(), png, Workspace.analyst(Workspace.root(spec)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(videoArgument + ": cannot store the frame (" + e.getMessage() + ")", e);
                }
                return report(frame, png, stored.item().id());
            }
        }
        VideoFrame frame = decode(Path.of(videoArgument), videoArgument);
        byte[] png = PngFiles.encode(frame.toBufferedImage());
        writeFile(png);
        return report(frame, png, null);
    }

    private VideoFrame decode(Path video, String name) {
        double seconds = position.time == null ? -1 : Timecode.parseSeconds(position.time).orElseThrow(
                () -> new BadInputException("--time: not a time: " + position.time + " (use seconds or HH:MM:SS.mmm)"));
        try (VideoDecoder decoder = VideoDecoder.open(video)) {
            long wanted = position.frame != null ? position.frame
                    : Timecode.frameAt(seconds, decoder.info().frameRate());
            if (wanted > decoder.info().lastFrame()) {
                throw new BadInputException(name + ": frame " + wanted + " is beyond the last frame ("
                        + decoder.info().lastFrame() + ")");
            }
            VideoFrame frame = decoder.frame(wanted);
            if (frame.frameNumber() != wanted) {
                throw new BadInputException(name + ": frame " + wanted + " cannot be decoded; the stream ends at frame "
                        + frame.frameNumber());
            }
            return frame;
        } catch (MediaFormatException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
    }

    private void writeFile(byte[] png) {
        if (out == null) {
            return;
        }
        try {
            PngFiles.writeAtomically(png, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(out + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private int report(VideoFrame frame, byte[] png, String evidenceId) {
        Written written = new Written(videoArgument, frame.frameNumber(), frame.timeSeconds(),
                Timecode.format(frame.timeSeconds()), frame.width(), frame.height(), out == null ? null : out.toString(),
                PngFiles.sha256(png), evidenceId);
        if (json) {
            Output.json(spec, written);
        } else {
            Output.line(spec, String.format(Locale.ROOT, "frame %d (%s) %dx%d%s%s", written.frameNumber(),
                    written.timecode(), written.width(), written.height(), out == null ? "" : " -> " + out,
                    evidenceId == null ? "" : " stored as " + evidenceId));
        }
        return Cli.OK;
    }
}
