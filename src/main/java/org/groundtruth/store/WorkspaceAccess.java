package org.groundtruth.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an investigation folder can be written. Asked once when it is opened: a folder that cannot be written
 * (a write-protected USB stick, a read-only mount, a folder whose permissions deny this user) opens read-only.
 * The operating system is asked ({@code access(2)} through {@link Files#isWritable}, which also reports a read-only
 * file system to root) and then the folder is tried by creating and removing a small probe file, which catches
 * file systems whose permission bits say more than they enforce. The system property
 * {@code groundtruth.read.only=true} opens every investigation read-only (for examining a folder without any
 * risk of changing it, and for tests, which run as root where permission bits do not stop writes).
 */
public final class WorkspaceAccess {
    public static final String READ_ONLY_PROPERTY = "groundtruth.read.only";
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceAccess.class);

    private WorkspaceAccess() {
    }

    /** Why {@code directory} (holding an investigation) cannot be written, or empty when it can. */
    public static Optional<String> whyReadOnly(Path directory) {
        if (Boolean.getBoolean(READ_ONLY_PROPERTY)) {
            return Optional.of("opened read-only (" + READ_ONLY_PROPERTY + ")");
        }
        Path db = directory.resolve(Investigation.DATABASE_FILE);
        Path vault = directory.resolve(Investigation.VAULT_DIR);
        if (!Files.isWritable(directory)) {
            return Optional.of("the folder " + directory + " cannot be written");
        }
        if (!Files.isWritable(db)) {
            return Optional.of("the file " + db + " cannot be written");
        }
        if (Files.isDirectory(vault) && !Files.isWritable(vault)) {
            return Optional.of("the folder " + vault + " cannot be written");
        }
        try {
            Path probe = Files.createTempFile(directory, ".write-probe-", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            LOG.info("investigation folder {} cannot be written: {}", directory, e.toString());
            return Optional.of("the folder " + directory + " cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
