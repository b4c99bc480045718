package org.groundtruth.core.evidence;

import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;

/** A frame of a video evidence item, counted from 0. */
public record FrameReference(String evidenceId, long frameNumber) {
    public FrameReference {
        Ids.require(evidenceId, EvidenceItem.ID_PREFIX, "evidence id");
        Require.nonNegative(frameNumber, "frame number");
    }
}
