package org.groundtruth.map.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.groundtruth.map.MapFileException;
import org.groundtruth.testing.OpenFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that fails as a gazetteer part-way through opening leaves no file handle behind. */
class GazetteerOpenFailureTest {
    @TempDir
    Path dir;

    @BeforeEach
    void onLinux() {
        assumeTrue(OpenFiles.countable(), "needs /proc/self/fd");
    }

    @Test
    void anSqliteFileWithoutTheMetaTableIsRefusedAndClosed() throws Exception {
        Path file = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE place (name TEXT)");
        }

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> Gazetteer.open(file)).isInstanceOf(MapFileException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("not a readable gazetteer");
        }

        assertThat(OpenFiles.of(file)).isZero();
    }

    @Test
    void anotherProgramsMetaTableIsRefusedAndClosed() throws Exception {
        Path file = dir.resolve("meta.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE meta (key TEXT, value TEXT)");
            st.execute("INSERT INTO meta VALUES ('format', 'mbtiles')");
        }

        assertThatThrownBy(() -> Gazetteer.open(file)).isInstanceOf(MapFileException.class)
                .hasMessageContaining("not a Groundtruth gazetteer");

        assertThat(OpenFiles.of(file)).isZero();
    }

    @Test
    void aTextFileIsRefusedAndClosed() throws Exception {
        Path file = dir.resolve("gazetteer.sqlite");
        Files.writeString(file, "not a database ".repeat(300));

        assertThatThrownBy(() -> Gazetteer.open(file)).isInstanceOf(MapFileException.class);

        assertThat(OpenFiles.of(file)).isZero();
    }
}
