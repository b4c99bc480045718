package org.groundtruth.core.audit;

import java.util.Iterator;

/**
 * Recomputes a custody chain in order of sequence, streaming. Detects edited entries (hash mismatch), removed
 * or reordered ones (sequence gap or previous-hash mismatch), and a truncated tail (fewer entries than the
 * recorded head says).
 */
public final class ChainVerifier {
    private ChainVerifier() {
    }

    /**
     * @param entries      entries in ascending sequence
     * @param expectedHead the last sequence and hash recorded when the chain was last appended to
     */
    public static ChainCheck verify(Iterator<AuditEntry> entries, long expectedCount, String expectedHeadHash) {
        String previous = AuditHashing.GENESIS;
        long count = 0;
        while (entries.hasNext()) {
            AuditEntry entry = entries.next();
            long expectedSequence = count + 1;
            if (entry.sequence() != expectedSequence) {
                return ChainCheck.broken(count, entry.sequence(),
                        "entry " + entry.sequence() + " follows entry " + count + " (entry " + expectedSequence
                                + " is missing or out of order)");
            }
            if (!entry.previousHash().equals(previous)) {
                return ChainCheck.broken(count, entry.sequence(),
                        "entry " + entry.sequence() + " does not follow its predecessor (previous hash differs)");
            }
            if (!entry.expectedHash().equals(entry.hash())) {
                return ChainCheck.broken(count, entry.sequence(),
                        "entry " + entry.sequence() + " was altered (its content does not match its hash)");
            }
            previous = entry.hash();
            count++;
        }
        if (count != expectedCount || (count > 0 && !previous.equals(expectedHeadHash))) {
            return ChainCheck.broken(count, count + 1,
                    "the log ends at entry " + count + " but the recorded head is entry " + expectedCount);
        }
        return ChainCheck.intact(count);
    }
}
