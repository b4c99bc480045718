package org.groundtruth.core.incident;

import org.groundtruth.core.Coded;

/** Whether a strike was the first at its place or a follow-up ("double tap") hitting responders. */
public enum StrikeSequence implements Coded {
    INITIAL, FOLLOW_UP, UNKNOWN
}
