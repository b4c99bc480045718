package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.groundtruth.map.MapFileException;
import org.groundtruth.testing.OpenFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An imagery file (MBTiles, GeoPackage) that fails its check part-way through opening leaves no handle behind. */
class SqliteFilesOpenFailureTest {
    @TempDir
    Path dir;

    @BeforeEach
    void onLinux() {
        assumeTrue(OpenFiles.countable(), "needs /proc/self/fd");
    }

    @Test
    void anSqliteHeaderOverGarbageIsRefusedAndClosed() throws Exception {
        Path file = dir.resolve("damaged.mbtiles");
        byte[] bytes = new byte[8192];
        Arrays.fill(bytes, (byte) 0x5a);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(file, bytes);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> SqliteFiles.openReadOnly(file, "MBTiles")).isInstanceOf(MapFileException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("MBTiles");
        }

        assertThat(OpenFiles.of(file)).isZero();
    }

    @Test
    void aGoodFileStaysOpenUntilClosed() throws Exception {
        Path file = dir.resolve("good.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
        }

        Connection c = SqliteFiles.openReadOnly(file, "MBTiles");
        assertThat(OpenFiles.of(file)).isPositive();
        c.close();
        assertThat(OpenFiles.of(file)).isZero();
    }
}
