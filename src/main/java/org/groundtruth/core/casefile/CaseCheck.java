package org.groundtruth.core.casefile;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The outcome of verifying a case file: the problems found (none = intact), how many files and bytes were
 * hashed, and the signer's key fingerprint (SHA-256 of the public key, hex) when the signature is good.
 */
public record CaseCheck(List<CaseProblem> problems, int filesChecked, long bytesChecked,
        Optional<String> signerFingerprint, Optional<CaseManifest> manifest) {

    public CaseCheck {
        problems = List.copyOf(Require.present(problems, "problems"));
        Require.nonNegative(filesChecked, "files checked");
        Require.nonNegative(bytesChecked, "bytes checked");
        Require.present(signerFingerprint, "signer fingerprint");
        Require.present(manifest, "manifest");
    }

    public boolean isIntact() {
        return problems.isEmpty();
    }
}
