package org.groundtruth.media;

import java.nio.charset.StandardCharsets;
import org.apache.tika.Tika;

/**
 * Media types from content (never the file name): Tika's magic bytes, plus SRT telemetry, which Tika sees only as
 * plain text.
 */
public final class MediaTypes {
    public static final String UNKNOWN = "application/octet-stream";
    public static final String SUBRIP = "application/x-subrip";
    private static final Tika TIKA = new Tika();

    private MediaTypes() {
    }

    /** Magic numbers of media formats sit in the first few kilobytes; matching 64 KiB costs Tika ten times more. */
    private static final int DETECT_BYTES = 8 * 1024;

    public static String detect(byte[] head) {
        java.util.Optional<String> common = commonMediaType(head);
        if (common.isPresent()) {
            return common.get();
        }
        byte[] start = head.length <= DETECT_BYTES ? head : java.util.Arrays.copyOf(head, DETECT_BYTES);
        String type = TIKA.detect(start);
        if (type == null || type.isBlank()) {
            type = UNKNOWN;
        }
        if ((type.startsWith("text/") || type.equals(UNKNOWN))
                && DjiSrtParser.looksLikeSrt(new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8))) {
            return SUBRIP;
        }
        return type;
    }

    /**
     * Still-image formats recognised from their signature without Tika (whose detection costs milliseconds per
     * call, more than reading a photo's EXIF). Anything else goes to Tika, including MP4/MOV, whose brand-based
     * typing in Tika has quirks not worth copying.
     * The types are the ones Tika gives for the same bytes.
     */
    static java.util.Optional<String> commonMediaType(byte[] h) {
        if (starts(h, 0, 0xFF, 0xD8, 0xFF)) {
            return java.util.Optional.of("image/jpeg");
        }
        if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return java.util.Optional.of("image/png");
        }
        if (starts(h, 0, 'I', 'I', 0x2A, 0x00) || starts(h, 0, 'M', 'M', 0x00, 0x2A)) {
            return java.util.Optional.of("image/tiff");
        }
        if (starts(h, 0, 'R', 'I', 'F', 'F') && starts(h, 8, 'W', 'E', 'B', 'P')) {
            return java.util.Optional.of("image/webp");
        }
        return java.util.Optional.empty();
    }

    private static boolean starts(byte[] h, int offset, int... signature) {
        if (h.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((h[offset + i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    public static boolean isImage(String type) {
        return type.startsWith("image/");
    }

    public static boolean isVideo(String type) {
        return type.startsWith("video/") || type.equals("application/mp4") || type.equals("audio/mp4")
                || type.equals("application/x-matroska") || type.equals("audio/webm");
    }

    public static boolean isTelemetry(String type) {
        return type.equals(SUBRIP);
    }
}
