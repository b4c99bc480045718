package org.groundtruth.core.evidence;

import org.groundtruth.core.Coded;

/** What an evidence item is; FRAME marks a still extracted from a video item. */
public enum EvidenceKind implements Coded {
    VIDEO, PHOTO, DOCUMENT, FRAME, TELEMETRY;

    /** The kind a sniffed media type suggests for an original. */
    public static EvidenceKind forMediaType(String mediaType) {
        if (mediaType.startsWith("video/")) {
            return VIDEO;
        }
        if (mediaType.startsWith("image/")) {
            return PHOTO;
        }
        return DOCUMENT;
    }
}
