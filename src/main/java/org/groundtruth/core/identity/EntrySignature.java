package org.groundtruth.core.identity;

import java.util.regex.Pattern;
import org.groundtruth.core.Require;

/**
 * The signature of one custody entry: the signer's key fingerprint and an Ed25519 signature (base64) over
 * {@link EntrySigner#message(String)} of the entry's chained hash. The hash covers the entry's content and its
 * predecessor, so the signature vouches for both.
 */
public record EntrySignature(String keyFingerprint, String signature) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{20,200}={0,2}");

    public EntrySignature {
        Require.present(keyFingerprint, "key fingerprint");
        Require.present(signature, "signature");
        if (!HEX64.matcher(keyFingerprint).matches()) {
            throw new IllegalArgumentException("key fingerprint is not 64 hex digits: " + keyFingerprint);
        }
        if (!BASE64.matcher(signature).matches()) {
            throw new IllegalArgumentException("signature is not base64");
        }
    }
}
