package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.groundtruth.cli.CliRun;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.media.ContentInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write-protected investigation folder (a USB stick, a folder received from a colleague) opens for reading. The
 * folder really is write-protected: its permissions are removed and the commands run as separate processes that
 * the OS refuses to let write (as root: without CAP_DAC_OVERRIDE, through {@code setpriv}).
 */
class ReadOnlyInvestigationTest {
    private static final Path PHOTO = Path.of("../shared/data/media/jpg/HTC Desire.jpg");
    private static final Path OTHER_PHOTO = Path.of("../shared/data/media/jpg/Nokia Lumia 800.jpg");

    @TempDir
    Path tmp;
    private Path ws;
    private String incidentId;

    @BeforeEach
    void investigationWithEvidenceThenWriteProtected() throws IOException {
        ws = tmp.resolve("received");
        assertThat(CliRun.of("--workspace", ws.toString(), "init").exitCode()).isZero();
        CliRun add = CliRun.of("--workspace", ws.toString(), "incident", "add", "--title", "Удар по пожежній машині",
                "--json");
        incidentId = add.json().get("id").asText();
        CliRun imported = CliRun.of("--workspace", ws.toString(), "import", PHOTO.toString(), "--incident", incidentId);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        setWritable(ws, false);
    }

    @AfterEach
    void writableAgainForCleanUp() throws IOException {
        setWritable(ws, true);
    }

    @Test
    void readsAndExportWorkWritesAreRefusedWithOneLine() throws Exception {
        Map<String, String> before = snapshot(ws);
        ChildProcesses children = new ChildProcesses(tmp).dropWriteOverride();
        ObjectMapper json = new ObjectMapper();

        int list = ChildProcesses.exitCode(children.launcher("--workspace", ws.toString(), "incident", "list", "--json"));
        assertThat(list).as(children.output(1)).isZero();
        JsonNode listed = json.readTree(children.out(1).toFile());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("title").asText()).isEqualTo("Удар по пожежній машині");

        assertThat(ChildProcesses.exitCode(children.launcher("--workspace", ws.toString(), "incident", "show",
                incidentId))).as(children.output(2)).isZero();
        assertThat(children.output(2)).contains("Удар по пожежній машині", "HTC Desire.jpg");

        assertThat(ChildProcesses.exitCode(children.launcher("--workspace", ws.toString(), "audit", "verify")))
                .as(children.output(3)).isZero();

        Path zip = tmp.resolve("elsewhere/case.zip");
        assertThat(ChildProcesses.exitCode(children.launcher("--workspace", ws.toString(), "export", "--out",
                zip.toString()))).as(children.output(4)).isZero();
        assertThat(children.output(4)).contains("Not recorded in the custody log: the investigation is read-only");
        assertThat(zip).isRegularFile();
        assertThat(CliRun.of("verify", zip.toString()).exitCode()).isZero();

        assertRefused(children, 5, "incident", "add", "--title", "new");
        assertRefused(children, 6, "import", OTHER_PHOTO.toString());
        assertRefused(children, 7, "incident", "edit", incidentId, "--title", "changed", "--reason", "typo");
        assertRefused(children, 8, "pin", "add", incidentId, "--at", "46.6354, 32.6169", "--precision", "10",
                "--method", "roof line");

        assertThat(snapshot(ws)).as("nothing in the folder changed").isEqualTo(before);
    }

    /** The window opens investigations in-process; the property stands in for a write-protected folder here. */
    @Test
    void theSameRulesInProcessWithTheReadOnlyProperty() {
        System.setProperty(WorkspaceAccess.READ_ONLY_PROPERTY, "true");
        try (Investigation inv = Investigation.openExisting(ws, new ContentInspector(),
                org.groundtruth.core.geo.PlaceLookup.NONE)) {
            assertThat(inv.isReadOnly()).isTrue();
            assertThat(inv.readOnlyReason()).isPresent();
            assertThat(inv.incidents().list(IncidentQuery.ALL)).hasSize(1);
            assertThat(inv.custody().verify().isIntact()).isTrue();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                    inv.incidents().create(Incident.titled("x"), "analyst", "")))
                    .isInstanceOf(ReadOnlyInvestigationException.class).hasMessageContaining("read-only");
        } finally {
            System.clearProperty(WorkspaceAccess.READ_ONLY_PROPERTY);
        }
    }

    private void assertRefused(ChildProcesses children, int n, String... command) throws Exception {
        String[] args = Stream.concat(Stream.of("--workspace", ws.toString()), Stream.of(command))
                .toArray(String[]::new);
        int code = ChildProcesses.exitCode(children.launcher(args));
        assertThat(code).as(String.join(" ", command) + ": " + children.output(n)).isEqualTo(3);
        assertThat(Files.readString(children.out(n))).isEmpty();
        String err = Files.readString(children.err(n));
        assertThat(err.lines()).as(err).hasSize(1);
        assertThat(err).contains("is read-only", ws.toAbsolutePath().toString());
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    private static void setWritable(Path dir, boolean writable) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                boolean folder = Files.isDirectory(p);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        writable ? (folder ? "rwxr-xr-x" : "rw-r--r--") : (folder ? "r-xr-xr-x" : "r--r--r--")));
            }
        }
    }
}
