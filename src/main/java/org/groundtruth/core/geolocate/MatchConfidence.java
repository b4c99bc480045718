package org.groundtruth.core.geolocate;

/** The plain-words confidence shown beside a candidate; it is a hint for the analyst, never a finding. */
public enum MatchConfidence implements org.groundtruth.core.Coded {
    /** Many well-spread inliers with small residuals: very likely the same place. */
    STRONG("strong: many matched features spread over the frame agree"),
    /** Enough agreeing features, but few or clustered: check the overlay carefully. */
    MODERATE("moderate: enough matched features agree, check the overlay"),
    /** Just above the acceptance score: a lead to check, not a match. */
    WEAK("weak: few matched features; a lead to check, not a match");

    private final String words;

    MatchConfidence(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public static MatchConfidence of(int inliers, double spread, double score, double acceptanceScore) {
        if (inliers >= 60 && spread >= 0.25 && score >= 3 * acceptanceScore) {
            return STRONG;
        }
        if (inliers >= 30 && spread >= 0.1 && score >= 1.5 * acceptanceScore) {
            return MODERATE;
        }
        return WEAK;
    }
}
