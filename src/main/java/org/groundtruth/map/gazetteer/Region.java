package org.groundtruth.map.gazetteer;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.UkrainianRegions;

/** An admin-1 region (oblast, state): Latin and Ukrainian names, ISO 3166-2 code and the country it belongs to. */
public record Region(String name, String nameUk, String iso, String countryCode) {
    public Region {
        Require.nonBlank(name, "region name", 300);
        Require.present(nameUk, "Ukrainian region name");
        Require.present(iso, "ISO 3166-2 code");
        Require.present(countryCode, "country code");
    }

    /**
     * The admin-1 name incidents record for this region: Ukraine's official English name (Crimea, Sevastopol and
     * Kyiv city included), else the source's Latin name. Reverse lookup and the region choropleth both use it.
     */
    public String admin1Name() {
        return UkrainianRegions.englishName(iso).orElse(name);
    }

    /** The name for a Ukrainian window: the official Ukrainian name, else the source's, else {@link #admin1Name()}. */
    public String ukrainianName() {
        return UkrainianRegions.ukrainianName(iso).orElse(nameUk.isBlank() ? admin1Name() : nameUk);
    }
}
