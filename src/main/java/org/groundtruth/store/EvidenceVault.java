package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.core.evidence.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Originals, stored once each under their SHA-256 ({@code vault/ab/abcdef…}). A file is streamed to
 * {@code .incoming/} while it is hashed, fsynced, then renamed into place and made read-only, so the vault
 * never holds a partial file; leftovers of a killed import are swept from {@code .incoming/} on open.
 */
public final class EvidenceVault {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceVault.class);
    private static final int BUFFER_BYTES = 1 << 20;

    /** What was stored: digest, size, and the first bytes for media-type sniffing. */
    public record StoredFile(Sha256 sha256, long sizeBytes, byte[] head, boolean alreadyPresent) {
    }

    private final Path root;
    private final Path incoming;

    EvidenceVault(Path root, Path incoming) throws IOException {
        this.root = Files.createDirectories(root);
        this.incoming = Files.createDirectories(incoming);
        sweepIncoming();
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
        Path temp = Files.createTempFile(incoming, "import-", ".part");
        try {
            MessageDigest sha = sha256();
            byte[] head = new byte[0];
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
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
            }
            Sha256 digest = Sha256.of(sha.digest());
            Path target = pathOf(digest);
            if (Files.isRegularFile(target)) {
                Files.delete(temp);
                return new StoredFile(digest, size, head, true);
            }
            Files.createDirectories(target.getParent());
            moveAtomically(temp, target);
            target.toFile().setWritable(false, false);
            syncDirectory(target.getParent());
            return new StoredFile(digest, size, head, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes what a killed import left in {@code .incoming/}; the vault itself only ever holds whole files. */
    private void sweepIncoming() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(incoming)) {
            for (Path leftover : leftovers) {
                LOG.info("removing unfinished import {}", leftover);
                Files.deleteIfExists(leftover);
            }
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
