package org.groundtruth.core.casefile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Ed25519 over the exact bytes of {@code manifest.json}. The signature file holds the signature in Base64;
 * the public key file is a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo), so {@code openssl pkeyutl -verify}
 * can check it without Groundtruth.
 */
public final class ManifestSignature {
    public static final String ALGORITHM = "Ed25519";
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    private ManifestSignature() {
    }

    public static byte[] sign(PrivateKey key, byte[] manifest) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(manifest);
            return (Base64.getEncoder().encodeToString(signer.sign()) + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** True when {@code signatureFile} is a valid Ed25519 signature of {@code manifest} by {@code publicKey}. */
    public static boolean verify(PublicKey publicKey, byte[] manifest, byte[] signatureFile) {
        try {
            byte[] signature = Base64.getMimeDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(manifest);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    public static byte[] toPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return (PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The Ed25519 public key in a PEM file, or empty when it is not one. */
    public static Optional<PublicKey> fromPem(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(
                    text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()));
            return Optional.of(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** SHA-256 of the encoded public key, hex: what a recipient compares with the fingerprint they were given. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
