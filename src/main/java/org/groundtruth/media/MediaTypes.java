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

    public static String detect(byte[] head) {
        String type = TIKA.detect(head);
        if (type == null || type.isBlank()) {
            type = UNKNOWN;
        }
        if ((type.startsWith("text/") || type.equals(UNKNOWN))
                && DjiSrtParser.looksLikeSrt(new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8))) {
            return SUBRIP;
        }
        return type;
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
