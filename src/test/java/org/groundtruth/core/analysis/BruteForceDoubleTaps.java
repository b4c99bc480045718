package org.groundtruth.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundtruth.core.incident.Incident;

/**
 * The reference double-tap search: every pair of strikes, straight from the definition. Slow (n²) and obviously
 * right; the detector must agree with it exactly.
 */
public final class BruteForceDoubleTaps {
    private BruteForceDoubleTaps() {
    }

    public static DoubleTapReport detect(List<Incident> incidents, DoubleTapParameters parameters) {
        List<StrikePoint> points = new ArrayList<>();
        int noLocation = 0;
        int noTime = 0;
        int skipped = 0;
        for (Incident i : incidents) {
            noLocation += i.location().isEmpty() ? 1 : 0;
            noTime += i.occurredAt().isEmpty() ? 1 : 0;
            if (i.location().isEmpty() || i.occurredAt().isEmpty()) {
                skipped++;
            } else {
                points.add(StrikePoint.of(i).orElseThrow());
            }
        }
        return detect(points, parameters, new DoubleTapDetector.Skipped(noLocation, noTime, skipped));
    }

    public static DoubleTapReport detect(List<StrikePoint> points, DoubleTapParameters parameters,
            DoubleTapDetector.Skipped skipped) {
        GeodesicDistance geodesic = new GeodesicDistance();
        double limit = parameters.radiusMeters() + DoubleTapDetector.TOLERANCE_METERS;
        Map<String, List<String>> neighbours = new HashMap<>();
        Map<String, DoubleTapPair> bestPerFollowUp = new HashMap<>();
        Map<String, StrikePoint> byId = new HashMap<>();
        points.forEach(p -> byId.put(p.incidentId(), p));
        for (StrikePoint a : points) {
            for (StrikePoint b : points) {
                long gap = b.epochSecond() - a.epochSecond();
                if (gap <= 0 || gap > parameters.windowSeconds()) {
                    continue;
                }
                double d = geodesic.meters(a.position().lat(), a.position().lon(), b.position().lat(),
                        b.position().lon());
                if (d > limit) {
                    continue;
                }
                neighbours.computeIfAbsent(a.incidentId(), k -> new ArrayList<>()).add(b.incidentId());
                neighbours.computeIfAbsent(b.incidentId(), k -> new ArrayList<>()).add(a.incidentId());
                DoubleTapPair candidate = new DoubleTapPair(a.incidentId(), b.incidentId(), d, gap);
                bestPerFollowUp.merge(b.incidentId(), candidate, BruteForceDoubleTaps::better);
            }
        }
        Comparator<String> byTime = Comparator.<String>comparingLong(id -> byId.get(id).epochSecond())
                .thenComparing(Comparator.naturalOrder());
        List<DoubleTapPair> pairs = bestPerFollowUp.values().stream()
                .sorted(Comparator.comparing(DoubleTapPair::second, byTime)).toList();
        List<DoubleTapGroup> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String start : neighbours.keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            List<String> component = new ArrayList<>(List.of(start));
            for (int k = 0; k < component.size(); k++) {
                for (String next : neighbours.get(component.get(k))) {
                    if (seen.add(next)) {
                        component.add(next);
                    }
                }
            }
            component.sort(byTime);
            groups.add(new DoubleTapGroup(component));
        }
        groups.sort(Comparator.comparing(g -> g.incidentIds().get(0), byTime));
        return new DoubleTapReport(parameters, pairs, groups, points.size(), skipped.withoutLocation(),
                skipped.withoutTime(), skipped.total());
    }

    /** The latest earlier strike, then the nearest, then the lowest id. */
    private static DoubleTapPair better(DoubleTapPair a, DoubleTapPair b) {
        if (a.gapSeconds() != b.gapSeconds()) {
            return a.gapSeconds() < b.gapSeconds() ? a : b;
        }
        if (a.distanceMeters() != b.distanceMeters()) {
            return a.distanceMeters() < b.distanceMeters() ? a : b;
        }
        return a.first().compareTo(b.first()) <= 0 ? a : b;
    }
}
