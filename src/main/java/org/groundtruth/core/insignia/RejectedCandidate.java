package org.groundtruth.core.insignia;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.verify.NormalizedBox;

/**
 * A scan candidate the analyst rejected: which evidence, which template, the run of frames (empty for a photo) and
 * the box. A rescan does not offer a candidate this rejection {@linkplain #covers covers} again.
 */
public record RejectedCandidate(String id, String evidenceId, String template, Optional<Long> firstFrame,
        Optional<Long> lastFrame, NormalizedBox box, String analyst, Instant createdAt) {
    public static final String ID_PREFIX = "rej";
    /** Boxes of the same emblem in a rescan overlap at least this much (intersection over union). */
    static final double SAME_PLACE = 0.3;

    public RejectedCandidate {
        Ids.require(id, ID_PREFIX, "rejection id");
        Require.nonBlank(evidenceId, "evidence id", 200);
        template = Require.nonBlank(template, "template", 200);
        Require.present(firstFrame, "first frame");
        Require.present(lastFrame, "last frame");
        if (firstFrame.isPresent() != lastFrame.isPresent()
                || firstFrame.isPresent() && firstFrame.get() > lastFrame.get()) {
            throw new IllegalArgumentException("a rejected run needs a first frame at or before its last frame");
        }
        Require.present(box, "box");
        analyst = Require.nonBlank(analyst, "analyst", 200);
        Require.present(createdAt, "created at");
    }

    /** The rejection of {@code candidate}, found in {@code evidenceId}. */
    public static RejectedCandidate of(String evidenceId, ScanCandidate candidate, String analyst, Instant at) {
        return new RejectedCandidate(Ids.next(ID_PREFIX), evidenceId, candidate.template(), candidate.firstFrame(),
                candidate.lastFrame(), candidate.box(), analyst, at);
    }

    /**
     * Whether {@code candidate}, found in {@code evidence}, is the one rejected: same evidence and template, frame
     * runs that overlap (or both a photo), and boxes in the same place.
     */
    public boolean covers(String evidence, ScanCandidate candidate) {
        if (!evidenceId.equals(evidence) || !template.equals(candidate.template())) {
            return false;
        }
        if (firstFrame.isPresent() != candidate.firstFrame().isPresent()) {
            return false;
        }
        if (firstFrame.isPresent() && (candidate.lastFrame().get() < firstFrame.get()
                || candidate.firstFrame().get() > lastFrame.get())) {
            return false;
        }
        return CandidateRuns.overlap(box, candidate.box()) >= SAME_PLACE;
    }
}
