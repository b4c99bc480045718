package org.groundtruth.ui.analysis;

import java.util.Map;
import org.groundtruth.core.Require;

/**
 * The per-region numbers for the map in one piece: incidents per admin-1 region name, the filter that produced them
 * (as the dashboard words it) and the line on what was counted and what was left out.
 */
public record RegionTotals(Map<String, Long> counts, String filterText, String summary) {
    public static final RegionTotals NONE = new RegionTotals(Map.of(), "", "");

    public RegionTotals {
        counts = Map.copyOf(Require.present(counts, "counts"));
        Require.present(filterText, "filter text");
        Require.present(summary, "summary");
    }
}
