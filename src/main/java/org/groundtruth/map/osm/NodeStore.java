package org.groundtruth.map.osm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Node positions of a PBF extract, kept on disk so the heap stays flat whatever the extract's size: records of
 * (id, lat·1e7, lon·1e7) appended in the file's id order, then memory-mapped and found by binary search.
 * PBF extracts from Geofabrik, BBBike and osmium are sorted by id; an unsorted file is refused with that advice.
 */
final class NodeStore implements AutoCloseable {
    private static final int RECORD = 16;
    private static final long CHUNK = (1L << 30) / RECORD * RECORD;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(RECORD * 4096);
    private final List<MappedByteBuffer> maps = new ArrayList<>();
    private long count;
    private long lastId = Long.MIN_VALUE;
    private boolean sorted = true;

    NodeStore(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    void add(long id, double lat, double lon) throws IOException {
        if (!maps.isEmpty()) {
            throw new IllegalStateException("nodes after ways: the extract is not sorted");
        }
        if (id <= lastId) {
            sorted = false;
        }
        lastId = id;
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.putLong(id).putInt((int) Math.round(lat * 1e7)).putInt((int) Math.round(lon * 1e7));
        count++;
    }

    boolean sorted() {
        return sorted;
    }

    long count() {
        return count;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Ends writing and maps the file for lookups. */
    void seal() throws IOException {
        if (!maps.isEmpty()) {
            return;
        }
        flush();
        long size = count * RECORD;
        for (long start = 0; start < size; start += CHUNK) {
            maps.add(channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(CHUNK, size - start)));
        }
        if (maps.isEmpty()) {
            maps.add(channel.map(FileChannel.MapMode.READ_ONLY, 0, 0));
        }
    }

    /** Writes {lat, lon} of the node into {@code out}; false when the extract does not contain it. */
    boolean find(long id, double[] out) {
        long lo = 0;
        long hi = count - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long midId = idAt(mid);
            if (midId < id) {
                lo = mid + 1;
            } else if (midId > id) {
                hi = mid - 1;
            } else {
                long offset = mid * RECORD;
                MappedByteBuffer map = maps.get((int) (offset / CHUNK));
                int at = (int) (offset % CHUNK);
                out[0] = map.getInt(at + 8) / 1e7;
                out[1] = map.getInt(at + 12) / 1e7;
                return true;
            }
        }
        return false;
    }

    private long idAt(long index) {
        long offset = index * RECORD;
        return maps.get((int) (offset / CHUNK)).getLong((int) (offset % CHUNK));
    }

    @Override
    public void close() {
        maps.clear();
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file in the import folder; removed with the folder's leftovers at the next import
        }
    }
}
