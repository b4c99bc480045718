package org.groundtruth.core.audit;

import java.util.List;
import org.groundtruth.core.Require;

/**
 * The result of re-hashing every original in the vault against the SHA-256 its evidence item records: files
 * and bytes read, and the items whose file is missing or whose content changed (as "evidence id (sha256)").
 */
public record VaultCheck(long filesChecked, long bytesChecked, List<String> missing, List<String> changed) {

    public VaultCheck {
        Require.nonNegative(filesChecked, "files checked");
        Require.nonNegative(bytesChecked, "bytes checked");
        missing = List.copyOf(Require.present(missing, "missing"));
        changed = List.copyOf(Require.present(changed, "changed"));
    }

    public boolean isIntact() {
        return missing.isEmpty() && changed.isEmpty();
    }

    /** One line naming the first problem, or "" when intact. */
    public String firstProblem() {
        if (!missing.isEmpty()) {
            return "vault file of evidence " + missing.get(0) + " is missing";
        }
        return changed.isEmpty() ? "" : "vault file of evidence " + changed.get(0) + " was changed (its SHA-256 differs)";
    }
}
