package org.groundtruth.core.casefile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.Require;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * What to put in a case file: incidents with any of {@code statuses} (none = all) and, when
 * {@code incidentIds} is not empty, only those; evidence originals unless {@code includeMedia} is false;
 * {@code publicGrid} present makes a publishable version snapped to that grid; {@code language} is the
 * report's (Ukrainian for {@code uk}, else English).
 */
public record ExportOptions(Set<VerificationStatus> statuses, List<String> incidentIds, boolean includeMedia,
        Optional<GridSnap> publicGrid, Locale language) {

    public static final ExportOptions EVERYTHING = new ExportOptions(Set.of(), List.of(), true, Optional.empty());

    public ExportOptions {
        statuses = Set.copyOf(Require.present(statuses, "statuses"));
        incidentIds = List.copyOf(Require.present(incidentIds, "incident ids"));
        Require.present(publicGrid, "public grid");
        Require.present(language, "language");
    }

    /** The report in the JVM's default language (the window sets it to the UI language). */
    public ExportOptions(Set<VerificationStatus> statuses, List<String> incidentIds, boolean includeMedia,
            Optional<GridSnap> publicGrid) {
        this(statuses, incidentIds, includeMedia, publicGrid, Locale.getDefault());
    }

    public ExportOptions withLanguage(Locale reportLanguage) {
        return new ExportOptions(statuses, incidentIds, includeMedia, publicGrid, reportLanguage);
    }

    public boolean isPublic() {
        return publicGrid.isPresent();
    }
}
