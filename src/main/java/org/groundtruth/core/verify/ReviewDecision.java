package org.groundtruth.core.verify;

import org.groundtruth.core.Coded;

/** The outcome of a review: PROPOSED opens it, APPROVED or REJECTED closes it. */
public enum ReviewDecision implements Coded {
    PROPOSED, APPROVED, REJECTED
}
