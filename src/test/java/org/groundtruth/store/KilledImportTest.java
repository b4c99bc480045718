package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed (SIGKILL) in the middle of importing a large file leaves a consistent investigation. */
class KilledImportTest {
    private static final long LARGE = 8L << 30; // sparse: takes no disk until copied

    @TempDir
    Path tmp;

    @Test
    void aKilledImportLeavesAConsistentDatabaseAndNoPartialVaultFile() throws Exception {
        Path ws = tmp.resolve("ws");
        Path big = tmp.resolve("large-video.mp4");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(LARGE);
        }
        run(ws, "init").waitFor(60, TimeUnit.SECONDS);
        run(ws, "incident", "add", "--title", "before the crash").waitFor(60, TimeUnit.SECONDS);

        Process importer = run(ws, "import", big.toString());
        Path incoming = ws.resolve(Investigation.INCOMING_DIR);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (partialBytes(incoming) < (64L << 20) && importer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(importer.isAlive()).as("the import is still running when it is killed").isTrue();
        importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("investigation.db"));
             Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(scalar(st, "SELECT count(*) FROM evidence_item")).isEqualTo("0");
            assertThat(scalar(st, "SELECT count(*) FROM incident")).isEqualTo("1");
        }
        assertThat(vaultFiles(ws)).as("no partial file in the vault").isEmpty();

        try (Investigation reopened = TestInvestigations.open(ws)) {
            assertThat(partialBytes(incoming)).as("leftovers swept on open").isZero();
            assertThat(reopened.custody().verify().isIntact()).isTrue();
            assertThat(reopened.incidents().list(org.groundtruth.core.incident.IncidentQuery.ALL)).hasSize(1);
        }
    }

    private Process run(Path ws, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx128m",
                "-Dgroundtruth.log.file=" + tmp.resolve("child.log"), "-Dgroundtruth.config.dir=" + tmp.resolve("cfg"),
                "-cp", System.getProperty("java.class.path"), "org.groundtruth.Launcher", "--workspace", ws.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + args[0] + ".out").toFile()).start();
    }

    private static long partialBytes(Path incoming) throws Exception {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static List<Path> vaultFiles(Path ws) throws Exception {
        try (Stream<Path> files = Files.walk(ws.resolve("vault"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            return Optional.ofNullable(rs.next() ? rs.getString(1) : null).orElse("");
        }
    }
}
