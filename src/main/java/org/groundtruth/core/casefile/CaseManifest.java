package org.groundtruth.core.casefile;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.Require;

/**
 * What a case file holds and who made it. {@code createdBy} is the analyst, or "redacted" in a public
 * version; {@code gridMeters} is the cell size coordinates were snapped to (public versions only).
 */
public record CaseManifest(
        String format,
        int formatVersion,
        String toolVersion,
        String createdBy,
        Instant createdAt,
        boolean publicVersion,
        Optional<Double> gridMeters,
        int incidentCount,
        List<ManifestEntry> files) {

    public CaseManifest {
        Require.nonBlank(format, "format", 100);
        if (formatVersion < 1) {
            throw new IllegalArgumentException("format version must be at least 1, was " + formatVersion);
        }
        Require.text(toolVersion, "tool version", 100);
        createdBy = Require.nonBlank(createdBy, "created by", 200);
        Require.present(createdAt, "created at");
        Require.present(gridMeters, "grid").ifPresent(g -> Require.finiteInRange(g, 1, 1_000_000, "grid (metres)"));
        Require.nonNegative(incidentCount, "incident count");
        files = List.copyOf(Require.present(files, "files"));
        Set<String> seen = new HashSet<>();
        for (ManifestEntry entry : files) {
            if (!seen.add(entry.path())) {
                throw new IllegalArgumentException("the manifest lists " + entry.path() + " twice");
            }
            if (CaseFileLayout.isSelfDescribing(entry.path())) {
                throw new IllegalArgumentException("the manifest may not list " + entry.path());
            }
        }
    }

    public Optional<ManifestEntry> entry(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
