package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.core.evidence.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Originals, stored once each under their SHA-256 ({@code vault/ab/abcdef…}). A file is streamed to
 * {@code .incoming/} while it is hashed, fsynced, then renamed into place and made read-only, so the vault
 * never holds a partial file.
 *
 * <p>The writer of an {@code .incoming/} file holds an exclusive OS lock on it ({@link FileChannel#lock()}) until
 * the file is renamed or removed. Opening the investigation sweeps only the files whose lock can be taken: the
 * leftovers of a killed import (the OS drops a process's locks when it dies), never the file another live process
 * — or another investigation object in this process — is writing. See {@code docs/decisions/1210-incoming-locks.md}.
 */
public final class EvidenceVault {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceVault.class);
    private static final int BUFFER_BYTES = 1 << 20;

    /** What was stored: digest, size, and the first bytes for media-type sniffing. */
    public record StoredFile(Sha256 sha256, long sizeBytes, byte[] head, boolean alreadyPresent) {
    }

    /** Checked after the content was read and before it enters the vault: throws when the source changed. */
    @FunctionalInterface
    public interface SourceCheck {
        SourceCheck NONE = storedBytes -> { };

        void afterReading(long storedBytes) throws IOException;
    }

    /** The {@code .incoming/} files this JVM is writing: never opened by the sweep (closing a channel on a file
     * would release the locks this process holds on it). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path incoming;
    private final Optional<Path> readOnlyInvestigation;

    EvidenceVault(Path root, Path incoming) throws IOException {
        this.root = Files.createDirectories(root);
        this.incoming = Files.createDirectories(incoming);
        this.readOnlyInvestigation = Optional.empty();
        sweepIncoming();
    }

    private EvidenceVault(Path root, Path incoming, Path investigation) {
        this.root = root;
        this.incoming = incoming;
        this.readOnlyInvestigation = Optional.of(investigation);
    }

    /** The vault of a read-only investigation: originals can be read; nothing is created, swept or stored. */
    static EvidenceVault readOnly(Path root, Path investigation) {
        return new EvidenceVault(root, investigation.resolve(Investigation.INCOMING_DIR), investigation);
    }

    public Path root() {
        return root;
    }

    public Path pathOf(Sha256 sha) {
        return root.resolve(sha.hex().substring(0, 2)).resolve(sha.hex());
    }

    public boolean contains(Sha256 sha) {
        return Files.isRegularFile(pathOf(sha));
    }

    /** Streams {@code source} into the vault; a cancelled or failed store leaves nothing behind. */
    public StoredFile store(InputStream source, long expectedSize, ProgressMonitor progress) throws IOException {
        return store(source, expectedSize, progress, SourceCheck.NONE);
    }

    /**
     * As {@link #store(InputStream, long, ProgressMonitor)}; {@code check} runs once the content is read and
     * fsynced, before it is renamed into the vault: when it throws, the copy is discarded and the vault is unchanged.
     */
    public StoredFile store(InputStream source, long expectedSize, ProgressMonitor progress, SourceCheck check)
            throws IOException {
        if (readOnlyInvestigation.isPresent()) {
            throw new ReadOnlyInvestigationException(readOnlyInvestigation.get());
        }
        Files.createDirectories(incoming);
        try (LockedTemp locked = LockedTemp.create(incoming)) {
            Path temp = locked.path;
            MessageDigest sha = sha256();
            byte[] head = new byte[0];
            long size = 0;
            FileChannel out = locked.channel;
            byte[] buffer = new byte[BUFFER_BYTES];
            java.nio.ByteBuffer wrapped = java.nio.ByteBuffer.wrap(buffer);
            int n;
            while ((n = source.readNBytes(buffer, 0, buffer.length)) > 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("import cancelled");
                }
                sha.update(buffer, 0, n);
                if (head.length < MediaInspector.HEAD_BYTES) {
                    head = concatHead(head, buffer, n);
                }
                wrapped.clear().limit(n);
                while (wrapped.hasRemaining()) {
                    out.write(wrapped);
                }
                size += n;
                progress.progress(size, expectedSize);
            }
            out.force(true);
            check.afterReading(size);
            Sha256 digest = Sha256.of(sha.digest());
            Path target = pathOf(digest);
            if (Files.isRegularFile(target)) {
                return new StoredFile(digest, size, head, true);
            }
            Files.createDirectories(target.getParent());
            moveAtomically(temp, target);
            locked.moved();
            target.toFile().setWritable(false, false);
            syncDirectory(target.getParent());
            return new StoredFile(digest, size, head, false);
        }
    }

    /**
     * An {@code .incoming/} file created and exclusively locked by this store. Closing it removes the file unless it
     * was moved into the vault, then releases the lock: a sweep never sees an unlocked partial file of a live writer.
     */
    private static final class LockedTemp implements AutoCloseable {
        private final Path path;
        private final FileChannel channel;
        private boolean moved;

        private LockedTemp(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        static LockedTemp create(Path incoming) throws IOException {
            for (int attempt = 0; ; attempt++) {
                Path path = incoming.resolve("import-" + UUID.randomUUID() + ".part").toAbsolutePath().normalize();
                WRITING.add(path);
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    channel.lock();
                    // A sweep in another process may have taken the lock between the creation and ours and removed
                    // the file (it was empty and unlocked): then start again with a new name.
                    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                        return new LockedTemp(path, channel);
                    }
                    if (attempt >= 10) {
                        throw new IOException("cannot keep a file in " + incoming + ": it is removed as soon as created");
                    }
                } catch (IOException | RuntimeException e) {
                    if (channel != null) {
                        channel.close();
                    }
                    WRITING.remove(path);
                    throw e;
                }
                channel.close();
                WRITING.remove(path);
            }
        }

        void moved() {
            moved = true;
        }

        @Override
        public void close() throws IOException {
            try {
                if (!moved) {
                    Files.deleteIfExists(path);
                }
            } finally {
                try {
                    channel.close(); // releases the lock, after the file is gone
                } finally {
                    WRITING.remove(path);
                }
            }
        }
    }

    /**
     * Removes what killed imports left in {@code .incoming/}: each file whose lock this process can take has no live
     * writer. Files locked by another process, or being written in this one, are left alone. The vault itself only
     * ever holds whole files.
     */
    private void sweepIncoming() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(incoming)) {
            for (Path leftover : leftovers) {
                sweep(leftover.toAbsolutePath().normalize());
            }
        }
    }

    private static void sweep(Path leftover) {
        if (WRITING.contains(leftover) || !Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(leftover, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                LOG.info("{} is being written by another process; left alone", leftover);
                return;
            }
            LOG.info("removing unfinished import {}", leftover);
            Files.deleteIfExists(leftover);
        } catch (OverlappingFileLockException e) {
            LOG.debug("{} is being written in this process; left alone", leftover);
        } catch (NoSuchFileException e) {
            LOG.debug("{} was removed meanwhile", leftover);
        } catch (IOException e) {
            LOG.warn("cannot check or remove the unfinished import {}: {}", leftover, e.toString());
        }
    }

    private static byte[] concatHead(byte[] head, byte[] buffer, int n) {
        int take = Math.min(n, MediaInspector.HEAD_BYTES - head.length);
        byte[] more = Arrays.copyOf(head, head.length + take);
        System.arraycopy(buffer, 0, more, head.length, take);
        return more;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the vault's file system cannot rename atomically: " + to.getParent(), e);
        }
    }

    /** Makes the rename durable (POSIX); a no-op where directories cannot be opened (Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("directory sync not supported for {}: {}", dir, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
