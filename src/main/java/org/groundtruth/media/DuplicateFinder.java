package org.groundtruth.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * Possible duplicates across an investigation: items whose perceptual hashes (a photo's, or a video's keyframes')
 * are within a Hamming distance of each other — reposted videos, re-encoded or resized photos, a victim-side
 * photo that is a still of the attacker's video. A pair is reported once, at its closest hashes.
 */
public final class DuplicateFinder {
    /** The default: at most 10 of 64 bits differ (re-encoding and rescaling flip 0-6 in practice). */
    public static final int DEFAULT_MAX_DISTANCE = 10;

    /** An item and its hashes (16 hex digits each). */
    public record HashedItem(String id, String name, List<String> hashes) {
        public HashedItem {
            id = Require.nonBlank(id, "id", 200);
            name = Require.text(name, "name", 1000);
            hashes = Require.present(hashes, "hashes").stream().filter(PerceptualHash::isHash).distinct().toList();
        }
    }

    /** Two items that look alike; {@code distance} is the number of differing bits, 0 = identical hashes. */
    public record DuplicatePair(HashedItem first, HashedItem second, int distance) {
        public DuplicatePair {
            Require.present(first, "first");
            Require.present(second, "second");
            if (distance < 0 || distance > 64) {
                throw new IllegalArgumentException("Hamming distance must be 0..64, was " + distance);
            }
        }
    }

    private final int maxDistance;

    public DuplicateFinder(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 32) {
            throw new IllegalArgumentException("maximum distance must be 0..32 bits, was " + maxDistance);
        }
        this.maxDistance = maxDistance;
    }

    /** Pairs within the distance, closest first; items without hashes take no part. */
    public List<DuplicatePair> find(List<HashedItem> items) {
        List<HashedItem> hashed = items.stream().filter(i -> !i.hashes().isEmpty()).toList();
        long[][] values = hashed.stream()
                .map(i -> i.hashes().stream().mapToLong(h -> Long.parseUnsignedLong(h, 16)).toArray())
                .toArray(long[][]::new);
        List<DuplicatePair> pairs = new ArrayList<>();
        for (int a = 0; a < hashed.size(); a++) {
            for (int b = a + 1; b < hashed.size(); b++) {
                HashedItem first = hashed.get(a);
                HashedItem second = hashed.get(b);
                closest(values[a], values[b]).filter(d -> d <= maxDistance)
                        .ifPresent(d -> pairs.add(new DuplicatePair(first, second, d)));
            }
        }
        pairs.sort(Comparator.comparingInt(DuplicatePair::distance)
                .thenComparing(p -> p.first().name()).thenComparing(p -> p.second().name()));
        return pairs;
    }

    private static Optional<Integer> closest(long[] a, long[] b) {
        int best = Integer.MAX_VALUE;
        for (long x : a) {
            for (long y : b) {
                best = Math.min(best, Long.bitCount(x ^ y));
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }
}
