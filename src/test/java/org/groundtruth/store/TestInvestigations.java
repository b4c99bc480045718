package org.groundtruth.store;

import java.nio.file.Path;
import org.groundtruth.media.ContentInspector;

/** Opens investigations for tests with the real media inspector. */
public final class TestInvestigations {
    private TestInvestigations() {
    }

    public static Investigation open(Path dir) {
        return Investigation.open(dir, new ContentInspector());
    }
}
