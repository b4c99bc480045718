package org.groundtruth.core.verify;

import org.groundtruth.core.Coded;

/** An analyst's confidence in an observation. */
public enum Confidence implements Coded {
    LOW, MEDIUM, HIGH
}
