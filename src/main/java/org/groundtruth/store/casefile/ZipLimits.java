package org.groundtruth.store.casefile;

/**
 * Bounds on what reading a case file may cost, against zip bombs: entries, total uncompressed bytes, and the
 * ratio of uncompressed to compressed bytes once more than {@code ratioFloorBytes} have been inflated (media
 * are stored uncompressed, so a real case file stays near 1:1; a bomb reaches 1000:1).
 */
public record ZipLimits(int maxEntries, long maxTotalBytes, double maxRatio, long ratioFloorBytes,
        int maxSmallFileBytes) {

    /** Generous for real work: 100,000 files, 1 TiB, 200:1 after the first 256 MiB. */
    public static final ZipLimits DEFAULT = new ZipLimits(100_000, 1L << 40, 200, 256L << 20, 64 << 20);

    public ZipLimits {
        if (maxEntries < 1 || maxTotalBytes < 1 || !(maxRatio >= 1) || ratioFloorBytes < 0 || maxSmallFileBytes < 1024) {
            throw new IllegalArgumentException("ZIP limits must be positive");
        }
    }
}
