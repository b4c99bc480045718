package org.groundtruth.core.audit;

import java.util.Optional;

/** The result of recomputing the custody chain: entries checked and, if broken, the first bad entry and why. */
public record ChainCheck(long entriesChecked, Optional<Long> firstBadSequence, String problem) {

    public static ChainCheck intact(long entries) {
        return new ChainCheck(entries, Optional.empty(), "");
    }

    public static ChainCheck broken(long entriesChecked, long sequence, String problem) {
        return new ChainCheck(entriesChecked, Optional.of(sequence), problem);
    }

    public boolean isIntact() {
        return firstBadSequence.isEmpty();
    }
}
