package org.groundtruth.media;

import java.nio.file.Path;
import org.apache.tika.Tika;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.MediaInspector;

/**
 * Media types sniffed from content with Apache Tika's magic-byte detection (no file name is given to it, so a
 * wrong extension cannot mislead it).
 */
public final class ContentInspector implements MediaInspector {
    private static final String UNKNOWN = "application/octet-stream";
    private final Tika tika = new Tika();

    @Override
    public String detectType(byte[] head) {
        String type = tika.detect(head);
        return type == null || type.isBlank() ? UNKNOWN : type;
    }

    @Override
    public MediaAnalysis analyze(Path original, String mediaType) {
        return MediaAnalysis.NOTHING;
    }
}
