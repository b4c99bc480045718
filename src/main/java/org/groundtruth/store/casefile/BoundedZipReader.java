package org.groundtruth.store.casefile;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.groundtruth.core.casefile.EntryNames;

/**
 * Reads a ZIP front to back in one pass, never seeking, within {@link ZipLimits}: every byte inflated counts
 * towards the bounds, including entries the caller skips (ZipInputStream would otherwise inflate a skipped
 * entry without limit). Entry names are checked before anything is read from them.
 */
final class BoundedZipReader implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final CountingInput raw;
    private final ZipInputStream zip;
    private final ZipLimits limits;
    private final Set<String> seen = new HashSet<>();
    private int entries;
    private long inflated;

    /** What to do with an entry: its name (checked) and a stream of its bytes, bounded. */
    interface EntryHandler {
        void handle(String name, InputStream content) throws IOException;
    }

    /** Why an entry was refused without reading it. */
    interface RefusalHandler {
        void refused(String name, String why);
    }

    BoundedZipReader(InputStream in, ZipLimits limits) {
        this.raw = new CountingInput(new BufferedInputStream(in, BUFFER));
        this.zip = new ZipInputStream(raw);
        this.limits = limits;
    }

    /** Bytes of the archive consumed so far. */
    long compressedBytes() {
        return raw.count;
    }

    /**
     * Calls {@code handler} for each safe, first-seen file entry and {@code refusal} for each unsafe or duplicate
     * one (whose content is then drained within the bounds). Throws ZipBoundsException past a limit.
     */
    void forEach(EntryHandler handler, RefusalHandler refusal) throws IOException {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (++entries > limits.maxEntries()) {
                throw new ZipBoundsException("more than " + limits.maxEntries() + " entries");
            }
            String name = entry.getName();
            Optional<String> problem = EntryNames.problem(name);
            InputStream content = new BoundedEntry(zip);
            if (problem.isPresent()) {
                refusal.refused(name, problem.get());
            } else if (!seen.add(name)) {
                refusal.refused(name, "the archive holds this name twice");
            } else if (!entry.isDirectory()) {
                handler.handle(name, content);
            }
            content.transferTo(java.io.OutputStream.nullOutputStream());
            zip.closeEntry();
        }
        requireEndRecord();
    }

    /**
     * ZipInputStream stops at the first central-directory header and never reads the rest, so a file cut
     * short there would pass; other tools (unzip, Explorer) need the central directory and its end record.
     */
    private void requireEndRecord() throws IOException {
        long limit = (long) limits.maxEntries() * (46 + 1024) + 65_557;
        byte[] buffer = new byte[8192];
        long drained = 0;
        int n;
        while ((n = raw.read(buffer)) > 0) {
            drained += n;
            if (drained > limit) {
                throw new ZipBoundsException("more than " + limit + " bytes after the last entry");
            }
        }
        if (!raw.tailHasEndRecord()) {
            throw new java.util.zip.ZipException("the central directory is missing or truncated");
        }
    }

    private void count(long n) throws ZipBoundsException {
        inflated += n;
        if (inflated > limits.maxTotalBytes()) {
            throw new ZipBoundsException("more than " + limits.maxTotalBytes() + " bytes uncompressed");
        }
        if (inflated > limits.ratioFloorBytes() && inflated > limits.maxRatio() * Math.max(1, raw.count)) {
            throw new ZipBoundsException("compression ratio above " + (long) limits.maxRatio()
                    + ":1 (a zip bomb?)");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The current entry's bytes, counted against the limits; close does not close the archive. */
    private final class BoundedEntry extends FilterInputStream {
        BoundedEntry(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public void close() {
            // The archive stays open for the next entry.
        }
    }

    /** Counts the archive's bytes and keeps the last 64 KiB + 22 of them, where the ZIP end record must be. */
    private static final class CountingInput extends FilterInputStream {
        private static final int TAIL = 65_557;
        private final byte[] tail = new byte[TAIL];
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                tail[(int) (count % TAIL)] = (byte) b;
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = 0; i < n; ) {
                int at = (int) (count % TAIL);
                int chunk = Math.min(n - i, TAIL - at);
                System.arraycopy(b, off + i, tail, at, chunk);
                count += chunk;
                i += chunk;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still pass through the tail: read them instead.
            byte[] buffer = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        /** True when an end-of-central-directory signature (PK 5 6) lies in the last 64 KiB + 22 bytes. */
        boolean tailHasEndRecord() {
            long start = Math.max(0, count - TAIL);
            for (long pos = count - 22; pos >= start; pos--) {
                if (at(pos) == 0x50 && at(pos + 1) == 0x4b && at(pos + 2) == 0x05 && at(pos + 3) == 0x06) {
                    return true;
                }
            }
            return false;
        }

        private int at(long position) {
            return tail[(int) (position % TAIL)] & 0xff;
        }
    }
}
