package org.groundtruth.core.evidence;

/** Names a file's media type from its first bytes (content, never the extension). */
@FunctionalInterface
public interface MediaTypeDetector {
    /** How many leading bytes a detector is given. */
    int HEAD_BYTES = 64 * 1024;

    /** @return an IANA media type such as {@code video/mp4}; {@code application/octet-stream} when unknown */
    String detect(byte[] head);
}
