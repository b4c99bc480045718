package org.groundtruth.media;

import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.media.DuplicateFinder.HashedItem;

/** The perceptual hashes an evidence item carries: its own and, for a video, its keyframes' (kept in its metadata). */
public final class EvidenceHashes {
    private EvidenceHashes() {
    }

    public static HashedItem of(EvidenceItem item) {
        List<String> hashes = new ArrayList<>();
        item.perceptualHash().ifPresent(hashes::add);
        hashes.addAll(MetadataJson.read(item.metadataJson()).keyframeHashes());
        return new HashedItem(item.id(), item.originalName(), hashes);
    }
}
