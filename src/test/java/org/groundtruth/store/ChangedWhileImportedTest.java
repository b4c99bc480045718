package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that changes while it is imported (a download still being written, a copy cut short) is not stored: the
 * import fails naming it, the vault and the database are unchanged. The change is made from inside the import, at
 * its first progress report, so it always lands in the middle of the copy.
 */
class ChangedWhileImportedTest {
    private static final int SIZE = 8 << 20; // eight copy buffers: the change lands after the first

    @TempDir
    Path tmp;

    @Test
    void aFileTruncatedWhileImportedIsNotStored() throws Exception {
        assertRefused(file -> {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(SIZE / 4);
            }
        }, "changed while it was being imported");
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeIsNotStored() throws Exception {
        assertRefused(file -> {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek(SIZE - 10);
                raf.write(new byte[] {1, 2, 3});
            }
            // the same second as before would be hidden on a coarse clock: move the time on explicitly
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));
        }, "was modified");
    }

    @Test
    void aFileReplacedByAnotherIsNotStored() throws Exception {
        assertRefused(file -> {
            Path other = file.resolveSibling("other.bin");
            Files.write(other, Files.readAllBytes(file));
            Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
            Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }, "replaced");
    }

    @Test
    void anUnchangedFileIsStoredWhole() throws Exception {
        Path file = sourceFile();
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            var result = inv.evidence().importFile(file, ImportRequest.PLAIN, "analyst", ProgressMonitor.NONE);
            assertThat(result.item().sizeBytes()).isEqualTo(SIZE);
            assertThat(Files.size(inv.evidence().originalPath(result.item()))).isEqualTo(SIZE);
        }
    }

    private interface Change {
        void apply(Path file) throws IOException;
    }

    private void assertRefused(Change change, String how) throws Exception {
        Path file = sourceFile();
        Path ws = tmp.resolve("ws");
        try (Investigation inv = TestInvestigations.open(ws)) {
            AtomicBoolean changed = new AtomicBoolean();
            ProgressMonitor changeOnce = monitor(done -> {
                if (changed.compareAndSet(false, true)) {
                    try {
                        change.apply(file);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            Throwable refused = catchThrowable(() -> inv.evidence().importFile(file, ImportRequest.PLAIN, "analyst",
                    changeOnce));
            assertThat(changed).isTrue();
            assertThat(refused).isInstanceOf(SourceChangedException.class)
                    .hasMessageStartingWith(file + ": changed while it was being imported").hasMessageContaining(how)
                    .hasMessageContaining("nothing was stored");
            assertThat(inv.evidence().all()).isEmpty();
            assertThat(inv.custody().size()).isZero();
            assertThat(files(ws.resolve(Investigation.VAULT_DIR))).isEmpty();
            assertThat(files(ws.resolve(Investigation.INCOMING_DIR))).isEmpty();
        }
    }

    private Path sourceFile() throws IOException {
        byte[] content = new byte[SIZE];
        new Random(12).nextBytes(content);
        return Files.write(tmp.resolve("download.mp4"), content);
    }

    private static ProgressMonitor monitor(Consumer<Long> onProgress) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                onProgress.accept(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
