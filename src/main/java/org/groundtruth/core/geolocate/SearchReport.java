package org.groundtruth.core.geolocate;

import java.util.List;
import org.groundtruth.core.Require;

/**
 * What a search found and how it ran.
 *
 * @param candidates        candidates above the acceptance score, same places merged, best first
 * @param bestRejectedScore the best score below the acceptance score (0 when none), to tell "nothing" from "almost"
 * @param area              the area searched (the request's, cut to the layer)
 * @param zooms             the Web Mercator zoom of each reference scale searched
 * @param cells             reference cells searched
 * @param cellsFromCache    of which had their features in the cache
 * @param millis            wall-clock time of the search
 */
public record SearchReport(List<MatchCandidate> candidates, double bestRejectedScore, SearchArea area, List<Integer> zooms,
        int cells, int cellsFromCache, long millis) {
    public SearchReport {
        candidates = List.copyOf(candidates);
        zooms = List.copyOf(zooms);
        Require.present(area, "area");
        Require.nonNegative(cells, "cells");
        Require.nonNegative(cellsFromCache, "cached cells");
    }
}
