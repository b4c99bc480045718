package org.groundtruth.core.analysis;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The result of a double-tap search: one pair per suspected follow-up strike (ordered by the follow-up's time),
 * the groups they form, how many strikes were considered, and how many incidents were skipped for lack of a
 * location or a time (an incident lacking both counts in both).
 */
public record DoubleTapReport(DoubleTapParameters parameters, List<DoubleTapPair> pairs, List<DoubleTapGroup> groups,
        int considered, int withoutLocation, int withoutTime, int skipped) {
    public DoubleTapReport {
        Require.present(parameters, "parameters");
        pairs = List.copyOf(Require.present(pairs, "pairs"));
        groups = List.copyOf(Require.present(groups, "groups"));
        Require.nonNegative(considered, "considered");
        Require.nonNegative(withoutLocation, "without location");
        Require.nonNegative(withoutTime, "without time");
        Require.nonNegative(skipped, "skipped");
        if (skipped > withoutLocation + withoutTime || skipped < Math.max(withoutLocation, withoutTime)) {
            throw new IllegalArgumentException("skipped " + skipped + " does not fit " + withoutLocation
                    + " without location and " + withoutTime + " without time");
        }
    }

    /** Each grouped strike's group number (1-based, in the order of {@link #groups()}); build once, look up many. */
    public java.util.Map<String, Integer> groupNumbers() {
        java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String id : groups.get(g).incidentIds()) {
                numbers.put(id, g + 1);
            }
        }
        return numbers;
    }

    /** The group a strike belongs to, if any (a linear search: for many lookups use {@link #groupNumbers()}). */
    public Optional<DoubleTapGroup> groupOf(String incidentId) {
        return groups.stream().filter(g -> g.incidentIds().contains(incidentId)).findFirst();
    }
}
