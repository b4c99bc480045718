package org.groundtruth.core.identity;

import java.util.Optional;

/**
 * The result of checking entry signatures: how many entries carry a valid signature by a known key, how many
 * carry none, and the first entry whose signature is invalid or by an unknown key.
 */
public record SignatureCheck(long signed, long unsigned, Optional<Long> firstBadSequence, String problem) {

    public static SignatureCheck valid(long signed, long unsigned) {
        return new SignatureCheck(signed, unsigned, Optional.empty(), "");
    }

    public static SignatureCheck invalid(long signed, long unsigned, long sequence, String problem) {
        return new SignatureCheck(signed, unsigned, Optional.of(sequence), problem);
    }

    public boolean isValid() {
        return firstBadSequence.isEmpty();
    }
}
