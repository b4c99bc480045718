package org.groundtruth.core.casefile;

import org.groundtruth.core.Require;

/** A picture for the case-file report: encoded bytes ({@code image/png} or {@code image/jpeg}) and its size in pixels. */
public record ReportImage(String mediaType, byte[] bytes, int widthPx, int heightPx) {
    public ReportImage {
        if (!"image/png".equals(mediaType) && !"image/jpeg".equals(mediaType)) {
            throw new IllegalArgumentException("report images are PNG or JPEG, not " + mediaType);
        }
        if (Require.present(bytes, "image bytes").length == 0) {
            throw new IllegalArgumentException("image bytes must not be empty");
        }
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + widthPx + "x" + heightPx);
        }
    }

    /** The {@code data:} URI that embeds the picture, so the page needs no other file. */
    public String dataUri() {
        return "data:" + mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
