package org.groundtruth.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.checks.EvidenceFacts;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.geo.LatLon;

/**
 * The facts the red-flag checks need, read from what the store holds: the evidence item's stored metadata JSON
 * (summary GPS and creation time, the EXIF exposure tags), its source's post time, and the items of other
 * incidents with a perceptual hash near its own.
 */
final class EvidenceFactsReader {
    /** Perceptual hashes this many bits apart or fewer are the same picture (as {@code duplicates}). */
    static final int DUPLICATE_BITS = 10;
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:\\s*/\\s*(\\d+(?:\\.\\d+)?))?");

    private EvidenceFactsReader() {
    }

    static List<EvidenceFacts> forIncident(Connection c, String incidentId) throws SQLException {
        List<EvidenceFacts> facts = new ArrayList<>();
        for (EvidenceItem item : EvidenceRepository.forIncident(c, incidentId)) {
            if (item.kind() == EvidenceKind.DOCUMENT) {
                continue;
            }
            Optional<Instant> posted = item.sourceId().isPresent()
                    ? EvidenceRepository.findSource(c, item.sourceId().get()).flatMap(Source::postedAt) : Optional.empty();
            facts.add(of(item, posted, duplicates(c, incidentId, item)));
        }
        return facts;
    }

    static EvidenceFacts of(EvidenceItem item, Optional<Instant> postedAt, List<EvidenceFacts.Duplicate> duplicates) {
        JsonNode root = parse(item.metadataJson());
        JsonNode summary = root.path("summary");
        Optional<LatLon> gps = Optional.empty();
        JsonNode g = summary.path("gps");
        if (g.path("lat").isNumber() && g.path("lon").isNumber()) {
            try {
                gps = Optional.of(new LatLon(g.path("lat").asDouble(), g.path("lon").asDouble()));
            } catch (IllegalArgumentException e) {
                gps = Optional.empty();
            }
        }
        String created = summary.path("createdAt").isTextual() ? summary.path("createdAt").asText() : "";
        Optional<Instant> utc = Optional.empty();
        Optional<LocalDateTime> local = Optional.empty();
        if (!created.isBlank()) {
            try {
                utc = Optional.of(OffsetDateTime.parse(created).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    local = Optional.of(LocalDateTime.parse(created));
                } catch (DateTimeParseException ignored) {
                    // an unreadable date is no date
                }
            }
        }
        if (utc.isEmpty() && summary.path("createdLocal").isTextual()) {
            try { // the file gave its clock's offset (EXIF OffsetTime*, MP4 date): the instant is known, no zone slack
                utc = Optional.of(OffsetDateTime.parse(summary.path("createdLocal").asText()).toInstant());
                local = Optional.empty();
            } catch (DateTimeParseException ignored) {
                // keep the zone-less reading
            }
        }
        boolean picture = item.kind() == EvidenceKind.PHOTO || item.kind() == EvidenceKind.VIDEO
                || item.kind() == EvidenceKind.FRAME;
        boolean stripped = (item.kind() == EvidenceKind.PHOTO || item.kind() == EvidenceKind.VIDEO)
                && gps.isEmpty() && utc.isEmpty() && local.isEmpty() && !summary.path("make").isTextual()
                && !summary.path("model").isTextual();
        return new EvidenceFacts(item.id(), item.originalName(), picture, gps,
                g.path("source").asText(""), utc, local, postedAt, lightValue(root.path("tags")), stripped, duplicates);
    }

    /** EV at ISO 100 from the EXIF exposure time, f-number and ISO: log2(N²/t) − log2(ISO/100). */
    static Optional<Double> lightValue(JsonNode tags) {
        Optional<Double> time = Optional.empty();
        Optional<Double> fNumber = Optional.empty();
        Optional<Double> iso = Optional.empty();
        for (JsonNode t : tags) {
            String name = t.path("name").asText("");
            String value = t.path("value").asText("");
            switch (name) {
                case "Exposure Time" -> time = time.or(() -> number(value));
                case "F-Number" -> fNumber = fNumber.or(() -> number(value.replace("f/", "")));
                case "ISO Speed Ratings" -> iso = iso.or(() -> number(value));
                default -> {
                    // other tags do not tell the light
                }
            }
        }
        if (time.isEmpty() || fNumber.isEmpty() || !(time.get() > 0) || !(fNumber.get() > 0)) {
            return Optional.empty();
        }
        double isoValue = iso.filter(v -> v > 0).orElse(100.0);
        double ev = Math.log(fNumber.get() * fNumber.get() / time.get()) / Math.log(2) - Math.log(isoValue / 100) / Math.log(2);
        return Double.isFinite(ev) ? Optional.of(ev) : Optional.empty();
    }

    private static Optional<Double> number(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(1));
        if (m.group(2) != null) {
            double d = Double.parseDouble(m.group(2));
            return d > 0 ? Optional.of(v / d) : Optional.empty();
        }
        return Optional.of(v);
    }

    private static List<EvidenceFacts.Duplicate> duplicates(Connection c, String incidentId, EvidenceItem item)
            throws SQLException {
        List<EvidenceFacts.Duplicate> found = new ArrayList<>();
        // the same file linked to another incident
        for (String other : EvidenceRepository.incidentsOf(c, item.id())) {
            if (!other.equals(incidentId)) {
                found.add(new EvidenceFacts.Duplicate(other, item.id(), 0));
            }
        }
        if (item.perceptualHash().isEmpty() || !item.perceptualHash().get().matches("[0-9a-f]{16}")) {
            return found;
        }
        long mine = Long.parseUnsignedLong(item.perceptualHash().get(), 16);
        List<String[]> candidates = Sql.query(c, "SELECT e.id, e.perceptual_hash, ie.incident_id FROM evidence_item e"
                + " JOIN incident_evidence ie ON ie.evidence_id = e.id WHERE ie.incident_id <> ? AND e.id <> ?"
                + " AND e.perceptual_hash IS NOT NULL", rs -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3)}, incidentId, item.id());
        for (String[] row : candidates) {
            if (row[1] == null || !row[1].matches("[0-9a-f]{16}")) {
                continue;
            }
            int bits = Long.bitCount(mine ^ Long.parseUnsignedLong(row[1], 16));
            if (bits <= DUPLICATE_BITS) {
                found.add(new EvidenceFacts.Duplicate(row[2], row[0], bits));
            }
        }
        return found;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return node == null ? Json.mapper().createObjectNode() : node;
        } catch (Exception e) {
            return Json.mapper().createObjectNode();
        }
    }
}
