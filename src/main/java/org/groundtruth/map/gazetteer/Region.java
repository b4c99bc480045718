package org.groundtruth.map.gazetteer;

import org.groundtruth.core.Require;

/** An admin-1 region (oblast, state): Latin and Ukrainian names, ISO 3166-2 code and the country it belongs to. */
public record Region(String name, String nameUk, String iso, String countryCode) {
    public Region {
        Require.nonBlank(name, "region name", 300);
        Require.present(nameUk, "Ukrainian region name");
        Require.present(iso, "ISO 3166-2 code");
        Require.present(countryCode, "country code");
    }
}
