package org.groundtruth.core.insignia;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.verify.NormalizedBox;

/**
 * Where a scan saw an emblem or a marking: the frame it matched best ({@code frame}, empty for a photo) with its box,
 * and the run of sampled frames it was seen in ({@code firstFrame}..{@code lastFrame}). {@code score} is the match
 * strength in 0..1; {@code method} says how it was found; {@code text} is what OCR read (empty for emblems).
 * A candidate is a suggestion for the analyst, never an observation by itself.
 */
public record ScanCandidate(
        Optional<Long> frame,
        Optional<Long> firstFrame,
        Optional<Long> lastFrame,
        NormalizedBox box,
        String template,
        double score,
        MatchMethod method,
        String text) {

    public ScanCandidate {
        Require.present(frame, "frame").ifPresent(n -> Require.nonNegative(n, "frame"));
        Require.present(firstFrame, "first frame").ifPresent(n -> Require.nonNegative(n, "first frame"));
        Require.present(lastFrame, "last frame").ifPresent(n -> Require.nonNegative(n, "last frame"));
        if (frame.isPresent() != firstFrame.isPresent() || frame.isPresent() != lastFrame.isPresent()) {
            throw new IllegalArgumentException("a candidate has a frame, a first and a last frame, or none of them");
        }
        if (frame.isPresent() && (firstFrame.get() > frame.get() || lastFrame.get() < frame.get())) {
            throw new IllegalArgumentException("frame " + frame.get() + " lies outside its run " + firstFrame.get()
                    + ".." + lastFrame.get());
        }
        Require.present(box, "box");
        template = Require.nonBlank(template, "template", 200);
        Require.finiteInRange(score, 0, 1, "score");
        Require.present(method, "method");
        text = Require.text(text, "text", 500);
    }

    /** A match in one frame (or a photo, with no frame): a run of one. */
    public static ScanCandidate single(Optional<Long> frame, NormalizedBox box, String template, double score,
            MatchMethod method, String text) {
        return new ScanCandidate(frame, frame, frame, box, template, score, method, text);
    }

    /** The confidence an accepted candidate's observation starts with: high from 0.85, medium from 0.7, else low. */
    public org.groundtruth.core.verify.Confidence confidence() {
        if (score >= 0.85) {
            return org.groundtruth.core.verify.Confidence.HIGH;
        }
        return score >= 0.7 ? org.groundtruth.core.verify.Confidence.MEDIUM : org.groundtruth.core.verify.Confidence.LOW;
    }

    /** The note an accepted candidate leaves on its observation. */
    public String provenance() {
        return String.format(java.util.Locale.ROOT, "found by scan (template %s, score %.2f%s)", template, score,
                text.isEmpty() ? "" : ", read \"" + text + "\"");
    }
}
