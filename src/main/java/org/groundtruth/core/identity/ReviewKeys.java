package org.groundtruth.core.identity;

/**
 * The key rule of the two-person review: an approval must be signed by a different key than the proposal's,
 * and by a key the investigation lists as a reviewer (or editor). Names play no part, so renaming changes
 * nothing.
 */
public final class ReviewKeys {
    private ReviewKeys() {
    }

    /** Throws when {@code approver} may not approve a proposal signed by {@code proposalFingerprint}. */
    public static void checkApproval(String proposalFingerprint, String approverFingerprint, boolean approverIsReviewer) {
        if (proposalFingerprint.equals(approverFingerprint)) {
            throw new IllegalArgumentException("the proposal was signed with this same key: an analyst cannot approve"
                    + " their own proposal, whatever name they use");
        }
        if (!approverIsReviewer) {
            throw new IllegalArgumentException("key " + approverFingerprint.substring(0, 16)
                    + "… is not listed as a reviewer of this investigation");
        }
    }
}
