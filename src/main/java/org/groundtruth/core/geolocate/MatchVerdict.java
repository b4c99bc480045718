package org.groundtruth.core.geolocate;

import org.groundtruth.core.Coded;

/** The analyst's decision on a candidate. */
public enum MatchVerdict implements Coded {
    ACCEPTED, REJECTED
}
