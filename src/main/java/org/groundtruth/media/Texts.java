package org.groundtruth.media;

/** Small text helpers for tag values read from untrusted files. */
final class Texts {
    static final int MAX_TAG_VALUE = 2_000;

    private Texts() {
    }

    /** Long binary-ish values (thumbnails, maker notes) are cut: the table shows text, not blobs. */
    static String clip(String value) {
        String cleaned = value.replace("\0", "").strip();
        return cleaned.length() <= MAX_TAG_VALUE ? cleaned : cleaned.substring(0, MAX_TAG_VALUE) + "… ("
                + cleaned.length() + " characters)";
    }
}
