package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.identity.EntrySignature;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.core.identity.ReviewKeys;

/**
 * Signs custody entries as they are appended, in the same transaction, with the key of the analyst using this
 * investigation (issue 17). Entries by another actor name stay unsigned: only the holder of a private key signs
 * in that name. docs/decisions/1702-signed-custody-entries.md.
 */
final class EntrySigning {
    private static final Map<Connection, EntrySigner> SIGNERS = new WeakHashMap<>();

    private EntrySigning() {
    }

    static synchronized void use(Connection c, EntrySigner signer) {
        SIGNERS.put(c, signer);
    }

    static synchronized Optional<EntrySigner> signer(Connection c) {
        return Optional.ofNullable(SIGNERS.get(c));
    }

    /** Called by {@link AuditLog#append} right after the entry row is written. */
    static void signAppended(Connection c, AuditEntry entry) throws SQLException {
        Optional<EntrySigner> signer = signer(c);
        if (signer.isEmpty() || !signer.get().signsFor(entry.actor())) {
            return;
        }
        EntrySignature signature = signer.get().signEntry(entry.hash());
        Sql.update(c, "INSERT INTO audit_signature (sequence, key_fingerprint, signature) VALUES (?, ?, ?)",
                entry.sequence(), signature.keyFingerprint(), signature.signature());
        Sql.update(c, "INSERT INTO analyst_key (fingerprint, name, public_key) VALUES (?, ?, ?)"
                        + " ON CONFLICT (fingerprint) DO NOTHING", signature.keyFingerprint(),
                signer.get().identity().name(), signer.get().identity().pem());
    }

    /**
     * The key rule of an approval (called by the review workflow): when the proposal was signed, the approval
     * must be signed by another key, and — when the investigation lists reviewers — by a reviewer's key.
     */
    static void checkApproval(Connection c, String proposalReviewId, String reviewer) throws SQLException {
        Optional<String> proposalKey = Sql.one(c, "SELECT s.key_fingerprint FROM audit_log l JOIN audit_signature s"
                + " ON s.sequence = l.sequence WHERE l.entity_type = 'review' AND l.entity_id = ?"
                + " UNION ALL SELECT key_fingerprint FROM team_entry WHERE entity_type = 'review' AND entity_id = ?",
                rs -> rs.getString(1), proposalReviewId, proposalReviewId);
        if (proposalKey.isEmpty()) {
            return;
        }
        EntrySigner signer = signer(c).filter(s -> s.signsFor(reviewer)).orElseThrow(() -> new IllegalArgumentException(
                "the proposal is signed: approving it needs " + reviewer + "'s private key on this machine"));
        boolean listsReviewers = Sql.count(c, "SELECT count(*) FROM analyst_key WHERE role IN ('reviewer', 'editor')") > 0;
        boolean isReviewer = !listsReviewers || Sql.count(c, "SELECT count(*) FROM analyst_key WHERE fingerprint = ?"
                + " AND role IN ('reviewer', 'editor')", signer.identity().fingerprint()) > 0;
        ReviewKeys.checkApproval(proposalKey.get(), signer.identity().fingerprint(), isReviewer);
    }
}
