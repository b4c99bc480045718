package org.groundtruth.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.groundtruth.media.ContentInspector;

/** Opens investigations for tests with the real media inspector. */
public final class TestInvestigations {
    private TestInvestigations() {
    }

    public static Investigation open(Path dir) {
        return Investigation.open(dir, new ContentInspector());
    }

    /** The Java functions the schema's triggers call, for tests and benchmarks that write through their own connection. */
    public static void registerFunctions(Connection c) throws SQLException {
        SqlFunctions.register(c);
    }
}
