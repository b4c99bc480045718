package org.groundtruth.core.casefile;

import org.groundtruth.core.Require;

/**
 * The pictures of the case-file report: maps and evidence frames. The store writes the report but must not
 * depend on the map or media modules (they are peers), so the caller that wires the export (CLI, window) passes
 * their implementations in, and closes them after the export.
 */
public record ReportFigures(MapFigures maps, FrameFigures frames, MatchFigures matches) implements AutoCloseable {
    /** No pictures: for tests that do not look at them. */
    public static final ReportFigures NONE = new ReportFigures(MapFigures.NONE, FrameFigures.NONE);

    public ReportFigures {
        Require.present(maps, "maps");
        Require.present(frames, "frames");
        Require.present(matches, "match overlays");
    }

    /** Maps and frames, no image-match overlays. */
    public ReportFigures(MapFigures maps, FrameFigures frames) {
        this(maps, frames, MatchFigures.NONE);
    }

    @Override
    public void close() {
        try {
            maps.close();
        } finally {
            try {
                frames.close();
            } finally {
                matches.close();
            }
        }
    }
}
