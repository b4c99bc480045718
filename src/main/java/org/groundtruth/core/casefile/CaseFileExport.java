package org.groundtruth.core.casefile;

import java.util.List;
import org.groundtruth.core.Require;

/**
 * What the custody log records about one export: the file, the SHA-256 of its signed manifest (which pins every
 * other file's hash), the key that signed it and exactly which incidents and evidence left the workspace.
 */
public record CaseFileExport(String fileName, String manifestSha256, String signerFingerprint, boolean publicVersion,
        List<String> incidentIds, List<String> evidenceIds, long bytes) {

    public CaseFileExport {
        fileName = Require.nonBlank(fileName, "file name", 1000);
        if (manifestSha256 == null || !manifestSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("manifest SHA-256 must be 64 lower-case hex digits: " + manifestSha256);
        }
        signerFingerprint = Require.nonBlank(signerFingerprint, "signer fingerprint", 200);
        incidentIds = List.copyOf(Require.present(incidentIds, "incident ids"));
        evidenceIds = List.copyOf(Require.present(evidenceIds, "evidence ids"));
        Require.nonNegative(bytes, "size");
    }
}
