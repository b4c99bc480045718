package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.groundtruth.testing.OpenFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database whose opening fails part-way (during the migrations) leaves no file handle behind. */
class DatabaseOpenFailureTest {
    @TempDir
    Path dir;

    @BeforeEach
    void onLinux() {
        assumeTrue(OpenFiles.countable(), "needs /proc/self/fd");
    }

    @Test
    void aMigrationThatFailsClosesTheDatabase() throws Exception {
        Path file = dir.resolve("investigation.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE incident (something_else TEXT)"); // V1 creates "incident": it fails there
        }
        assertThat(OpenFiles.of(file)).isZero();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> Database.open(file)).isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("incident");
        }

        assertThat(OpenFiles.of(file)).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM schema_version")) {
            assertThat(rs.getInt(1)).as("nothing of V1 applied").isZero();
        }
    }

    @Test
    void aNewerSchemaIsRefusedAndClosed() throws Exception {
        Path file = dir.resolve("newer.db");
        Database.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'future', 'x')");
        }

        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class).hasMessageContaining("newer");
        assertThatThrownBy(() -> Database.openReadOnly(file)).isInstanceOf(StoreException.class);

        assertThat(OpenFiles.of(file)).isZero();
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedAndClosed() throws Exception {
        Path file = dir.resolve("not-a-database.db");
        java.nio.file.Files.writeString(file, "this is a text file, not SQLite ".repeat(200));

        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class);

        assertThat(OpenFiles.of(file)).isZero();
    }
}
