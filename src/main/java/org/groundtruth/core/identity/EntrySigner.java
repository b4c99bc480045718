package org.groundtruth.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.groundtruth.core.Require;

/**
 * Signs custody entries in the name of one analyst with their private key. Only entries whose actor is this
 * analyst are signed: a machine that holds no private key for a name cannot sign anything in that name.
 */
public final class EntrySigner {
    private static final String DOMAIN = "groundtruth custody entry v1\n";

    private final AnalystKey identity;
    private final KeyPair pair;

    public EntrySigner(String analyst, KeyPair pair) {
        Require.present(pair, "key pair");
        this.identity = new AnalystKey(analyst, pair.getPublic());
        this.pair = pair;
        byte[] probe = message("0".repeat(64));
        if (!verify(pair.getPublic(), probe, sign(probe))) {
            throw new IllegalArgumentException("the private key of " + analyst + " does not match its public key");
        }
    }

    public AnalystKey identity() {
        return identity;
    }

    /** True when entries by {@code actor} are this analyst's (names compare as typed, trimmed, ignoring case). */
    public boolean signsFor(String actor) {
        return identity.name().equalsIgnoreCase(actor.strip());
    }

    public EntrySignature signEntry(String entryHash) {
        return new EntrySignature(identity.fingerprint(), Base64.getEncoder().encodeToString(sign(message(entryHash))));
    }

    /** True when {@code signature} is {@code key}'s valid signature of the entry with {@code entryHash}. */
    public static boolean verifyEntry(PublicKey key, String entryHash, EntrySignature signature) {
        try {
            return verify(key, message(entryHash), Base64.getDecoder().decode(signature.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The signed bytes: a domain prefix (so an entry signature is never valid as anything else) and the hash. */
    static byte[] message(String entryHash) {
        return (DOMAIN + entryHash).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
