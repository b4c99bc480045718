package org.groundtruth.core.evidence;

import java.nio.file.Path;

/**
 * What the media layer tells the store about an original at import: its media type sniffed from content
 * (never the extension), and what can be read from it. Implemented in {@code org.groundtruth.media}.
 */
public interface MediaInspector {
    /** How many leading bytes {@link #detectType} is given. */
    int HEAD_BYTES = 64 * 1024;

    /** @return an IANA media type such as {@code video/mp4}; {@code application/octet-stream} when unknown */
    String detectType(byte[] head);

    /** Reads properties and metadata of a stored original; must not fail on corrupt media (return less). */
    MediaAnalysis analyze(Path original, String mediaType);
}
