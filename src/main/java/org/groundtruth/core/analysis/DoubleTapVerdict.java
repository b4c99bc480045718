package org.groundtruth.core.analysis;

import org.groundtruth.core.Coded;

/** The analyst's decision on a suspected double tap. */
public enum DoubleTapVerdict implements Coded {
    CONFIRMED, DISMISSED
}
