package org.groundtruth.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;

/** The human-readable form of {@code incident show}. */
final class IncidentText {
    private IncidentText() {
    }

    static String describe(Incident i, List<EvidenceItem> evidence) {
        StringBuilder out = new StringBuilder();
        row(out, "Id", i.id());
        row(out, "Title", i.title());
        row(out, "Status", i.status().code());
        row(out, "Occurred at", i.occurredAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse("unknown")
                + " (precision: " + i.timePrecision().code() + ")");
        row(out, "Place", i.placeName());
        row(out, "Admin-1 region", i.admin1());
        row(out, "Location", i.location().map(Object::toString).orElse("not geolocated"));
        row(out, "Target", i.targetType().code());
        row(out, "Strike", i.strikeType().code() + ", " + i.strikeSequence().code());
        row(out, "Casualties", String.format(Locale.ROOT, "responders %d killed, %d injured; civilians %d killed, %d injured",
                i.casualties().killedResponders(), i.casualties().injuredResponders(),
                i.casualties().killedCivilians(), i.casualties().injuredCivilians()));
        row(out, "Tags", String.join(", ", i.tags()));
        row(out, "Sensitivity", i.sensitivity().code());
        row(out, "Description", i.description());
        out.append("Evidence (").append(evidence.size()).append("):\n");
        for (EvidenceItem e : evidence) {
            out.append(String.format(Locale.ROOT, "  %s  %-9s %-22s %,12d bytes  %s  %s%n", e.id(), e.kind().code(),
                    e.mediaType(), e.sizeBytes(), e.sha256().hex(), e.originalName()));
        }
        return out.toString().stripTrailing();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
    }
}
