package org.groundtruth.core.casefile;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;

/**
 * The snake_case fields of the data model as they appear in GeoJSON properties and CSV columns, in one fixed
 * order. Values are String, Number, List of String or null (unknown).
 */
public final class InterchangeFields {
    /** CSV columns, in order; GeoJSON uses the same names minus lat/lon (those are the geometry). */
    public static final List<String> CSV_COLUMNS = List.of("id", "title", "description", "occurred_at",
            "time_precision", "place_name", "admin1", "lat", "lon", "precision_m", "target_type", "strike_type",
            "strike_sequence", "killed_responders", "injured_responders", "killed_civilians", "injured_civilians",
            "status", "tags", "sensitivity", "camera_lat", "camera_lon", "camera_bearing_deg", "camera_fov_deg",
            "evidence_count");

    private InterchangeFields() {
    }

    /** All fields of one exported incident, keyed by the names in {@link #CSV_COLUMNS}. */
    public static Map<String, Object> of(ExportedIncident row) {
        Incident i = row.incident();
        Casualties c = i.casualties();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", i.id());
        f.put("title", i.title());
        f.put("description", i.description());
        f.put("occurred_at", i.occurredAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
        f.put("time_precision", i.timePrecision().code());
        f.put("place_name", i.placeName());
        f.put("admin1", i.admin1());
        f.put("lat", row.position().map(p -> p.lat()).orElse(null));
        f.put("lon", row.position().map(p -> p.lon()).orElse(null));
        f.put("precision_m", row.precisionMeters().orElse(null));
        f.put("target_type", i.targetType().code());
        f.put("strike_type", i.strikeType().code());
        f.put("strike_sequence", i.strikeSequence().code());
        f.put("killed_responders", c.killedResponders());
        f.put("injured_responders", c.injuredResponders());
        f.put("killed_civilians", c.killedCivilians());
        f.put("injured_civilians", c.injuredCivilians());
        f.put("status", i.status().code());
        f.put("tags", i.tags());
        f.put("sensitivity", i.sensitivity().code());
        f.put("camera_lat", row.camera().map(v -> v.position().lat()).orElse(null));
        f.put("camera_lon", row.camera().map(v -> v.position().lon()).orElse(null));
        f.put("camera_bearing_deg", row.camera().map(v -> v.bearingDegrees()).orElse(null));
        f.put("camera_fov_deg", row.camera().map(v -> v.fieldOfViewDegrees()).orElse(null));
        f.put("evidence_count", row.evidenceCount());
        return f;
    }

    /** GeoJSON properties: every field except the position, which is the geometry. */
    public static Map<String, Object> properties(ExportedIncident row) {
        Map<String, Object> f = of(row);
        f.remove("lat");
        f.remove("lon");
        return f;
    }

    /** A value as CSV text: empty for unknown, tags joined by "; ". */
    public static String csvText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
