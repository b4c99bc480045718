package org.groundtruth.store.casefile;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.groundtruth.core.casefile.EntryNames;
import org.groundtruth.core.casefile.ManifestEntry;

/**
 * Writes a case file's ZIP one entry at a time, hashing each entry's bytes as they stream past, so nothing is
 * held in memory and the manifest is known when the last file is written. Media go in with compression level
 * 0: photos and videos do not shrink, and stored blocks keep both export and verification at disk speed.
 */
final class CaseZipWriter implements AutoCloseable {
    private final ZipOutputStream zip;
    private final List<ManifestEntry> entries = new ArrayList<>();

    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    CaseZipWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Writes a file that the manifest lists, and returns its entry. */
    ManifestEntry write(String path, boolean compress, Body body) throws IOException {
        EntryNames.requireSafe(path);
        zip.setLevel(compress ? Deflater.DEFAULT_COMPRESSION : Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha = sha256();
        CountingStream counter = new CountingStream(new DigestOutputStream(new KeepOpen(zip), sha));
        body.writeTo(counter);
        counter.flush();
        zip.closeEntry();
        ManifestEntry entry = new ManifestEntry(path, counter.count, HexFormat.of().formatHex(sha.digest()));
        entries.add(entry);
        return entry;
    }

    /** Writes one of the files the manifest does not list (the manifest itself, signature, public key). */
    void writeUnlisted(String path, byte[] content) throws IOException {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
    }

    List<ManifestEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Entry bodies may close what they are given (XML and JSON writers do); the ZIP must stay open. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
