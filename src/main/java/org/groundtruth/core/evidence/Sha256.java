package org.groundtruth.core.evidence;

import java.util.HexFormat;
import java.util.regex.Pattern;
import org.groundtruth.core.Require;

/** A SHA-256 digest as 64 lower-case hex digits; names originals in the vault. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        Require.present(hex, "SHA-256");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("SHA-256 must be 64 lower-case hex digits: " + hex);
        }
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
