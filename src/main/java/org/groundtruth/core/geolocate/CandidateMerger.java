package org.groundtruth.core.geolocate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;

/**
 * Candidates that are the same place merge: the best-scoring one stands for the others. "Same place": centres
 * closer than a quarter of the smaller footprint's diagonal, or than {@code minMeters}.
 */
public final class CandidateMerger {
    private final double minMeters;

    public CandidateMerger(double minMeters) {
        this.minMeters = minMeters;
    }

    /** Best first. */
    public List<MatchCandidate> merge(List<MatchCandidate> candidates) {
        List<MatchCandidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(MatchCandidate::score).reversed());
        List<MatchCandidate> kept = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (MatchCandidate c : sorted) {
            int same = -1;
            for (int i = 0; i < kept.size() && same < 0; i++) {
                MatchCandidate k = kept.get(i);
                double limit = Math.max(minMeters, 0.25 * Math.min(diagonal(k), diagonal(c)));
                if (Geodesy.measure(k.center(), c.center()).distanceMeters() <= limit) {
                    same = i;
                }
            }
            if (same < 0) {
                kept.add(c);
                counts.add(c.merged());
            } else {
                counts.set(same, counts.get(same) + c.merged());
            }
        }
        List<MatchCandidate> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            out.add(kept.get(i).withMerged(counts.get(i)));
        }
        return out;
    }

    private static double diagonal(MatchCandidate c) {
        List<LatLon> f = c.footprint();
        return Math.max(Geodesy.measure(f.get(0), f.get(2)).distanceMeters(), Geodesy.measure(f.get(1), f.get(3)).distanceMeters());
    }
}
