package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.groundtruth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --workspace DIR} where DIR holds no investigation: every command but init refuses and creates nothing. */
class MissingWorkspaceTest {
    private static final Path PHOTO = Path.of("../shared/data/media/jpg/HTC Desire.jpg");

    @TempDir
    Path tmp;

    private List<String[]> commandsThatNeedAnInvestigation() {
        String out = tmp.resolve("elsewhere/case.zip").toString();
        return List.of(
                new String[] {"incident", "list"},
                new String[] {"incident", "add", "--title", "typo in the folder name"},
                new String[] {"incident", "show", "inc-000000"},
                new String[] {"import", PHOTO.toString()},
                new String[] {"audit", "verify"},
                new String[] {"audit", "log", "--json"},
                new String[] {"demo"},
                new String[] {"stats", "--by", "month"},
                new String[] {"double-taps"},
                new String[] {"history", "inc-000000"},
                new String[] {"duplicates"},
                new String[] {"pin", "list", "inc-000000"},
                new String[] {"export", "--out", out});
    }

    @Test
    void aFolderThatDoesNotExistIsNotCreated() {
        Path missing = tmp.resolve("no-such-investigation");
        for (String[] command : commandsThatNeedAnInvestigation()) {
            CliRun run = run(missing, command);
            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().strip()).as(String.join(" ", command))
                    .isEqualTo("groundtruth: no investigation at " + missing.toAbsolutePath() + "; run init");
            assertThat(run.out()).as(String.join(" ", command)).isEmpty();
            assertThat(missing).as(String.join(" ", command) + " created the folder").doesNotExist();
        }
        assertThat(tmp.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void anEmptyFolderStaysEmpty() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (String[] command : commandsThatNeedAnInvestigation()) {
            CliRun run = run(empty, command);
            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("no investigation at " + empty.toAbsolutePath() + "; run init");
            try (Stream<Path> files = Files.list(empty)) {
                assertThat(files.toList()).as(String.join(" ", command) + " wrote into the folder").isEmpty();
            }
        }
    }

    @Test
    void commandsThatNeedNoInvestigationWorkAndInitCreatesIt() {
        Path missing = tmp.resolve("not-yet");
        assertThat(run(missing, "coords", "50.4501 30.5234").exitCode()).isZero();
        assertThat(run(missing, "sun", "--at", "46.6354 32.6169", "--time", "2025-07-06T11:00:00Z").exitCode()).isZero();
        assertThat(run(missing, "metadata", PHOTO.toString()).exitCode()).isZero();
        assertThat(run(missing, "--version").exitCode()).isZero();
        assertThat(run(missing, "--help").exitCode()).isZero();
        assertThat(missing).doesNotExist();

        assertThat(run(missing, "init").exitCode()).isZero();
        assertThat(missing.resolve(Investigation.DATABASE_FILE)).isRegularFile();
        CliRun add = run(missing, "incident", "add", "--title", "after init");
        assertThat(add.exitCode()).as(add.err()).isZero();
    }

    private static CliRun run(Path ws, String... command) {
        List<String> args = new ArrayList<>(List.of("--workspace", ws.toString()));
        args.addAll(List.of(command));
        return CliRun.of(args.toArray(String[]::new));
    }
}
