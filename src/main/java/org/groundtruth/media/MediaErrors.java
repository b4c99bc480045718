package org.groundtruth.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Turns library exceptions into short, non-technical reasons for one-line messages. Messages of the native
 * libraries ({@code avformat_open_input() error -1094995529: Could not open input … (Has setFormat() been
 * called?)}) never reach the user: a failure to open a video is explained from the file itself (empty, cut
 * short before its stream index, not a video at all).
 */
final class MediaErrors {
    /** Messages written by FFmpeg/JavaCV: function names with error numbers, hints meant for programmers. */
    private static final Pattern LIBRARY_INTERNALS = Pattern.compile(
            "\\w+\\(\\) error -?\\d+|error -?\\d+|setFormat\\(\\)|FFmpegLogCallback|avformat|avcodec|swscale|av_\\w+");

    private MediaErrors() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof OutOfMemoryError ? "not enough memory" : "the decoder failed";
        }
        String line = message.strip().lines().findFirst().orElse(message.strip());
        if (LIBRARY_INTERNALS.matcher(line).find()) {
            return "the decoder cannot read it";
        }
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Why FFmpeg could not open {@code file} as a video, in words about the file. */
    static String unreadableVideo(Path file, Throwable e) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                return "the file is empty";
            }
            if (isIsoMedia(file)) {
                return switch (IsoBoxes.scan(file)) {
                    case CUT_SHORT -> "no video stream index — the file is cut short";
                    case NO_INDEX -> "no video stream index (moov box) — the file is incomplete";
                    case COMPLETE -> "the video data is damaged (" + describe(e) + ")";
                };
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8192);
            }
            return "not a video file (its content looks like " + MediaTypes.detect(head) + ")";
        } catch (IOException io) {
            return "cannot be read (" + describe(io) + ")";
        }
    }

    private static boolean isIsoMedia(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 12);
            return n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
        }
    }

    /** Top-level ISO-BMFF (MP4/MOV) boxes: is the stream index there, and does the last box end inside the file? */
    private static final class IsoBoxes {
        enum Verdict { CUT_SHORT, NO_INDEX, COMPLETE }

        static Verdict scan(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                long at = 0;
                boolean moov = false;
                ByteBuffer header = ByteBuffer.allocate(16);
                while (at + 8 <= size) {
                    header.clear().limit(16);
                    channel.read(header, at);
                    long boxSize = Integer.toUnsignedLong(header.getInt(0));
                    String type = new String(new byte[] {header.get(4), header.get(5), header.get(6), header.get(7)},
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (boxSize == 1) {
                        boxSize = header.getLong(8);
                    } else if (boxSize == 0) {
                        boxSize = size - at;
                    }
                    if (boxSize < 8) {
                        return moov ? Verdict.COMPLETE : Verdict.NO_INDEX;
                    }
                    if (at + boxSize > size) {
                        return Verdict.CUT_SHORT;
                    }
                    moov |= type.equals("moov");
                    at += boxSize;
                }
                return moov ? Verdict.COMPLETE : Verdict.NO_INDEX;
            }
        }
    }
}
