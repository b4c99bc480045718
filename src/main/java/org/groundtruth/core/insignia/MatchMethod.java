package org.groundtruth.core.insignia;

import org.groundtruth.core.Coded;

/** How a scan found a candidate: template correlation, local features with a homography, or OCR of a marking. */
public enum MatchMethod implements Coded {
    TEMPLATE, FEATURES, OCR
}
