package org.groundtruth.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.groundtruth.core.Require;

/**
 * One custody-log entry. {@code before} and {@code after} are JSON documents ("null" when there is no such
 * state); {@code hash} = SHA-256(previousHash + canonical form), so editing, removing or reordering any entry
 * breaks the chain from there on.
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String actor,
        AuditAction action,
        String entityType,
        String entityId,
        String before,
        String after,
        String reason,
        String previousHash,
        String hash) {

    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence starts at 1, was " + sequence);
        }
        Require.present(at, "time");
        actor = Require.nonBlank(actor, "actor", 200);
        Require.present(action, "action");
        Require.nonBlank(entityType, "entity type", 100);
        Require.text(entityId, "entity id", 200);
        Require.nonBlank(before, "before", Integer.MAX_VALUE);
        Require.nonBlank(after, "after", Integer.MAX_VALUE);
        Require.text(reason, "reason", 100_000);
        Require.present(previousHash, "previous hash");
        Require.present(hash, "hash");
    }

    /** Seals a new entry onto the chain after {@code previousHash}. */
    public static AuditEntry seal(long sequence, Instant at, String actor, AuditAction action, String entityType,
            String entityId, String before, String after, String reason, String previousHash) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditHashing.hash(previousHash,
                AuditHashing.canonical(sequence, millis, actor, action, entityType, entityId, before, after, reason));
        return new AuditEntry(sequence, millis, actor, action, entityType, entityId, before, after, reason,
                previousHash, hash);
    }

    /** The hash this entry should carry given its content and its stated predecessor. */
    public String expectedHash() {
        return AuditHashing.hash(previousHash,
                AuditHashing.canonical(sequence, at, actor, action, entityType, entityId, before, after, reason));
    }
}
