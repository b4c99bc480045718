package org.groundtruth.core.identity;

import org.groundtruth.core.Require;
import org.groundtruth.core.audit.AuditEntry;

/**
 * A custody entry as it travels between a laptop and the team server: the device whose chain it belongs to,
 * the entry (its sequence and hash are in that device's chain), its signature and, once on the server, its
 * position in the project's chain ({@code projectSeq}, 0 before it is stored).
 */
public record SignedEntry(String deviceId, long projectSeq, AuditEntry entry, EntrySignature signature) {

    public SignedEntry {
        deviceId = Require.nonBlank(deviceId, "device id", 100);
        Require.present(entry, "entry");
        Require.present(signature, "signature");
        if (projectSeq < 0) {
            throw new IllegalArgumentException("project sequence is negative: " + projectSeq);
        }
    }

    /** True when the signature is {@code key}'s valid signature of this entry's hash. */
    public boolean signatureValid(AnalystKey key) {
        return key.fingerprint().equals(signature.keyFingerprint())
                && EntrySigner.verifyEntry(key.publicKey(), entry.hash(), signature);
    }
}
