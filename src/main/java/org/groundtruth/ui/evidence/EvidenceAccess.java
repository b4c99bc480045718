package org.groundtruth.ui.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.store.EvidenceService.ImportResult;
import org.groundtruth.store.Investigation;

/**
 * What the evidence panel needs from the open investigation: every item (for duplicates), where an original is,
 * storing an extracted frame, and who is at the keyboard. Empty when no investigation is open.
 */
public interface EvidenceAccess {
    /** An access over a changing investigation and analyst (the window's session). */
    static EvidenceAccess of(java.util.function.Supplier<Optional<Investigation>> investigation,
            java.util.function.Supplier<String> analyst) {
        return new EvidenceAccess() {
            @Override
            public Optional<Investigation> investigation() {
                return investigation.get();
            }

            @Override
            public String analyst() {
                return analyst.get();
            }
        };
    }

    Optional<Investigation> investigation();

    String analyst();

    default List<EvidenceItem> all() {
        return investigation().map(i -> i.evidence().all()).orElse(List.of());
    }

    default Optional<Path> originalPath(EvidenceItem item) {
        return investigation().map(i -> i.evidence().originalPath(item));
    }

    /** Stores a PNG of a video frame as a derived FRAME item; empty when no investigation is open. */
    default Optional<ImportResult> saveFrame(FrameReference frame, double timeSeconds, byte[] png) throws IOException {
        Optional<Investigation> inv = investigation();
        if (inv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(inv.get().evidence().importDerivedFrame(frame, timeSeconds, png, analyst()));
    }
}
