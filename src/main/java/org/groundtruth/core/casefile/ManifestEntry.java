package org.groundtruth.core.casefile;

import java.util.regex.Pattern;
import org.groundtruth.core.Require;

/** One file in a case file: its path inside the ZIP, its size in bytes and its SHA-256 (lower-case hex). */
public record ManifestEntry(String path, long sizeBytes, String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ManifestEntry {
        EntryNames.requireSafe(path);
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("a manifest entry names a file, not a folder: " + path);
        }
        Require.nonNegative(sizeBytes, "size");
        Require.present(sha256, "SHA-256");
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("SHA-256 of " + path + " is not 64 lower-case hex digits");
        }
    }
}
