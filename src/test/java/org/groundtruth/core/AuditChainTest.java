package org.groundtruth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.AuditHashing;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.audit.ChainVerifier;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditHashing.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditEntry.seal(i, Instant.parse("2025-07-03T10:00:00Z").plusSeconds(i), "Аналітик",
                    AuditAction.CREATE, "incident", "inc-000000000" + i, "null", "{\"title\":\"Херсон " + i + "\"}",
                    "reason \"quoted\"\n", previous);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditEntry> entries = chain(5);
        ChainCheck check = ChainVerifier.verify(entries.iterator(), 5, entries.get(4).hash());
        assertThat(check.isIntact()).isTrue();
        assertThat(check.entriesChecked()).isEqualTo(5);
    }

    @Test
    void anEditedEntryIsNamed() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.sequence(), e.at(), "someone else", e.action(), e.entityType(), e.entityId(),
                e.before(), e.after(), e.reason(), e.previousHash(), e.hash()));
        ChainCheck check = ChainVerifier.verify(entries.iterator(), 5, entries.get(4).hash());
        assertThat(check.firstBadSequence()).contains(3L);
        assertThat(check.problem()).contains("altered");
    }

    @Test
    void aRemovedEntryIsNamed() {
        List<AuditEntry> entries = chain(5);
        entries.remove(1);
        ChainCheck check = ChainVerifier.verify(entries.iterator(), 5, entries.get(3).hash());
        assertThat(check.firstBadSequence()).contains(3L);
    }

    @Test
    void aTruncatedTailIsDetectedAgainstTheHead() {
        List<AuditEntry> entries = chain(5);
        String head = entries.get(4).hash();
        ChainCheck check = ChainVerifier.verify(entries.subList(0, 4).iterator(), 5, head);
        assertThat(check.isIntact()).isFalse();
        assertThat(check.problem()).contains("recorded head is entry 5");
    }

    @Test
    void theHashCoversPreviousHashAndCanonicalForm() {
        AuditEntry e = chain(1).get(0);
        assertThat(e.hash()).isEqualTo(e.expectedHash()).hasSize(64);
        assertThat(e.previousHash()).isEqualTo(AuditHashing.GENESIS);
    }
}
