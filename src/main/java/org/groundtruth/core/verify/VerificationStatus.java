package org.groundtruth.core.verify;

import org.groundtruth.core.Coded;

/**
 * Where an incident stands. The happy path runs in declaration order up to VERIFIED, which is reached only
 * through a second analyst's review; DISPUTED and REJECTED are side exits.
 */
public enum VerificationStatus implements Coded {
    UNVERIFIED, IN_PROGRESS, GEOLOCATED, CORROBORATED, READY_FOR_REVIEW, VERIFIED, DISPUTED, REJECTED
}
