package org.groundtruth.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.casefile.ManifestSignature;

/**
 * An analyst's public identity: the name bound to an Ed25519 public key. The fingerprint (SHA-256 of the
 * encoded key, hex) is what entries name as their signer; renaming an analyst never changes it.
 */
public record AnalystKey(String name, PublicKey publicKey) {

    public AnalystKey {
        name = Require.nonBlank(name, "analyst name", 200).strip();
        Require.present(publicKey, "public key");
        if (!ManifestSignature.ALGORITHM.equalsIgnoreCase(publicKey.getAlgorithm())
                && !"EdDSA".equalsIgnoreCase(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("the key of " + name + " is " + publicKey.getAlgorithm()
                    + ", not Ed25519");
        }
    }

    public String fingerprint() {
        return ManifestSignature.fingerprint(publicKey);
    }

    /** The public key as a PEM text block ("-----BEGIN PUBLIC KEY-----…"). */
    public String pem() {
        return new String(ManifestSignature.toPem(publicKey), StandardCharsets.US_ASCII);
    }

    /** Reads a PEM public key; empty when the text is not an Ed25519 public key. */
    public static Optional<AnalystKey> fromPem(String name, String pem) {
        return ManifestSignature.fromPem(pem.getBytes(StandardCharsets.US_ASCII)).map(k -> new AnalystKey(name, k));
    }
}
