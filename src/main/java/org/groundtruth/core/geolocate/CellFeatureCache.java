package org.groundtruth.core.geolocate;

import java.util.Optional;

/** Where features of reference cells are kept so a second search of the same area is fast (the investigation). */
public interface CellFeatureCache {
    CellFeatureCache NONE = new CellFeatureCache() {
        @Override
        public Optional<CellFeatures> get(CellKey key) {
            return Optional.empty();
        }

        @Override
        public void put(CellKey key, CellFeatures features) {
        }
    };

    Optional<CellFeatures> get(CellKey key);

    /** Stores the features; a cache that cannot write logs it and carries on (it is only a cache). */
    void put(CellKey key, CellFeatures features);
}
