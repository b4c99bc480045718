package org.groundtruth.core.insignia;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.verify.NormalizedBox;

/**
 * Merges per-frame matches into runs: a match joins an open run of the same template when it comes within
 * {@code maxGapFrames} of the run's last frame and its box overlaps the run's latest box (the drone moves, so boxes
 * drift between samples). A run reports its best-scoring frame and box. Feed matches in frame order.
 */
public final class CandidateRuns {
    /** Boxes of one emblem in successive samples overlap at least this much (intersection over union). */
    private static final double MIN_OVERLAP = 0.2;

    private final long maxGapFrames;
    private final List<Run> open = new ArrayList<>();
    private final List<ScanCandidate> closed = new ArrayList<>();

    public CandidateRuns(long maxGapFrames) {
        if (maxGapFrames < 1) {
            throw new IllegalArgumentException("gap must be at least one frame, was " + maxGapFrames);
        }
        this.maxGapFrames = maxGapFrames;
    }

    /** Adds a match seen in {@code frame}; returns the runs this closed (no longer extendable), in frame order. */
    public List<ScanCandidate> add(ScanCandidate match) {
        long frame = match.frame().orElseThrow(() -> new IllegalArgumentException("a run needs frame numbers"));
        List<ScanCandidate> finished = closeBefore(frame - maxGapFrames);
        Run best = null;
        double bestOverlap = MIN_OVERLAP;
        for (Run run : open) {
            double overlap = overlap(run.latestBox, match.box());
            if (run.best.template().equals(match.template()) && run.last < frame && overlap >= bestOverlap) {
                best = run;
                bestOverlap = overlap;
            }
        }
        if (best == null) {
            open.add(new Run(match, frame));
        } else {
            best.extend(match, frame);
        }
        return finished;
    }

    /** Closes every run that ended before {@code frame}; returns them. */
    public List<ScanCandidate> closeBefore(long frame) {
        List<ScanCandidate> finished = new ArrayList<>();
        open.removeIf(run -> {
            if (run.last < frame) {
                finished.add(run.candidate());
                return true;
            }
            return false;
        });
        finished.sort(Comparator.comparing(c -> c.firstFrame().orElse(0L)));
        closed.addAll(finished);
        return finished;
    }

    /** Closes all runs; returns every candidate, in order of first frame. */
    public List<ScanCandidate> finish() {
        closeBefore(Long.MAX_VALUE);
        List<ScanCandidate> all = new ArrayList<>(closed);
        all.sort(Comparator.<ScanCandidate>comparingLong(c -> c.firstFrame().orElse(0L))
                .thenComparing(ScanCandidate::template));
        return all;
    }

    /** Intersection over union of two boxes. */
    public static double overlap(NormalizedBox a, NormalizedBox b) {
        double ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        double iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        double inter = ix * iy;
        double union = a.width() * a.height() + b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static final class Run {
        private ScanCandidate best;
        private NormalizedBox latestBox;
        private final long first;
        private long last;

        Run(ScanCandidate match, long frame) {
            this.best = match;
            this.latestBox = match.box();
            this.first = frame;
            this.last = frame;
        }

        void extend(ScanCandidate match, long frame) {
            if (match.score() > best.score()) {
                best = match;
            }
            latestBox = match.box();
            last = frame;
        }

        ScanCandidate candidate() {
            return new ScanCandidate(best.frame(), Optional.of(first), Optional.of(last), best.box(), best.template(),
                    best.score(), best.method(), best.text());
        }
    }
}
