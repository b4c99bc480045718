package org.groundtruth.core.checks;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/** A red flag and its explanation, when an analyst gave one. */
public record CheckedFlag(RedFlag flag, Optional<Explanation> explanation) {
    public CheckedFlag {
        Require.present(flag, "flag");
        Require.present(explanation, "explanation");
    }

    /** True when this flag stops the incident being proposed as verified. */
    public boolean blocksVerification() {
        return flag.kind().blocking() && explanation.isEmpty();
    }

    /** "kind evidence: detail" lines of the flags that block verification, for the refusal message. */
    public static List<String> blocking(List<CheckedFlag> flags) {
        return flags.stream().filter(CheckedFlag::blocksVerification)
                .map(f -> f.flag().kind().kebab() + " " + f.flag().evidenceId() + ": " + f.flag().detail()).toList();
    }
}
