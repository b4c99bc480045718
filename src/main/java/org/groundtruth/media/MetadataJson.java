package org.groundtruth.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.core.evidence.TelemetryFix;
import org.groundtruth.core.evidence.TelemetryTrack;

/**
 * The JSON kept with an evidence item ({@code metadataJson}) and printed by {@code groundtruth metadata --json}.
 * <pre>
 * {"summary": {"gps": {"lat", "lon", "alt", "source"} | null, "createdAt", "createdLocal", "make", "model", "width", "height",
 *              "durationSeconds", "frameRate", "codec", "fixes"},
 *  "tags": [{"group", "name", "value"}], "warnings": [..],
 *  "telemetry": {"blocks", "fixes": [{"sequence", "videoTimeSeconds", "deviceTime", "lat", "lon", "alt"}]} | null,
 *  "keyframeHashes": [..]}
 * </pre>
 * Absent values are {@code null}, so every key is always there.
 */
public final class MetadataJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** About 2 MB of JSON; enough to draw any flight path. */
    static final int MAX_STORED_FIXES = 20_000;

    /** What was stored: the metadata and the perceptual hashes of a video's keyframes. */
    public record Stored(MediaMetadata metadata, List<String> keyframeHashes) {
        public Stored {
            keyframeHashes = List.copyOf(keyframeHashes);
        }
    }

    private MetadataJson() {
    }

    public static String write(MediaMetadata metadata, List<String> keyframeHashes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("summary", summary(metadata.summary()));
        ArrayNode tags = root.putArray("tags");
        for (MetadataTag tag : metadata.tags()) {
            tags.addObject().put("group", tag.group()).put("name", tag.name()).put("value", tag.value());
        }
        ArrayNode warnings = root.putArray("warnings");
        metadata.warnings().forEach(warnings::add);
        if (metadata.telemetry().isPresent()) {
            TelemetryTrack track = metadata.telemetry().get();
            ObjectNode telemetry = root.putObject("telemetry");
            telemetry.put("blocks", track.blocks());
            // an hour of 30 fps telemetry is 100,000 fixes: keep every k-th (first and last included) so the
            // stored metadata stays within the evidence item's limit; the summary keeps the true count
            int step = Math.max(1, (int) Math.ceil(track.fixes().size() / (double) MAX_STORED_FIXES));
            telemetry.put("everyNthFix", step);
            ArrayNode fixes = telemetry.putArray("fixes");
            for (int i = 0; i < track.fixes().size(); i++) {
                if (i % step != 0 && i != track.fixes().size() - 1) {
                    continue;
                }
                TelemetryFix fix = track.fixes().get(i);
                ObjectNode f = fixes.addObject();
                f.put("sequence", fix.sequence());
                f.put("videoTimeSeconds", fix.videoTimeSeconds());
                f.put("deviceTime", fix.deviceTime().map(LocalDateTime::toString).orElse(null));
                f.put("lat", fix.position().latitudeDegrees());
                f.put("lon", fix.position().longitudeDegrees());
                putOptional(f, "alt", fix.position().altitudeMetres());
            }
        } else {
            root.putNull("telemetry");
        }
        ArrayNode hashes = root.putArray("keyframeHashes");
        keyframeHashes.forEach(hashes::add);
        return root.toString();
    }

    /** The summary alone, in the shape {@code groundtruth metadata --json} prints. */
    public static ObjectNode summary(MetadataSummary s) {
        ObjectNode node = MAPPER.createObjectNode();
        if (s.gps().isPresent()) {
            GpsFix gps = s.gps().get();
            ObjectNode g = node.putObject("gps");
            g.put("lat", gps.latitudeDegrees());
            g.put("lon", gps.longitudeDegrees());
            putOptional(g, "alt", gps.altitudeMetres());
            g.put("source", gps.source());
        } else {
            node.putNull("gps");
        }
        node.put("createdAt", s.createdAt().orElse(null));
        node.put("createdLocal", s.createdLocal().orElse(null)); // local time with its offset, when the file says
        node.put("make", s.make().orElse(null));
        node.put("model", s.model().orElse(null));
        node.put("width", s.width().orElse(null));
        node.put("height", s.height().orElse(null));
        putOptional(node, "durationSeconds", s.durationSeconds());
        putOptional(node, "frameRate", s.frameRate());
        node.put("codec", s.codec().orElse(null));
        node.put("fixes", s.fixes().orElse(null));
        return node;
    }

    /** Reads what {@link #write} wrote; anything else (older or foreign JSON) gives empty metadata, not an error. */
    public static Stored read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Stored(MediaMetadata.unreadable("stored metadata is not valid JSON"), List.of());
        }
        if (root == null || !root.isObject()) {
            return new Stored(MediaMetadata.unreadable("stored metadata is not a JSON object"), List.of());
        }
        try {
            MetadataSummary summary = readSummary(root.path("summary"));
            List<MetadataTag> tags = new ArrayList<>();
            for (JsonNode t : root.path("tags")) {
                String group = t.path("group").asText("");
                String name = t.path("name").asText("");
                if (!group.isBlank() && !name.isBlank()) {
                    tags.add(new MetadataTag(group, name, t.path("value").asText("")));
                }
            }
            List<String> warnings = new ArrayList<>();
            root.path("warnings").forEach(w -> warnings.add(w.asText()));
            Optional<TelemetryTrack> telemetry = readTelemetry(root.path("telemetry"));
            List<String> hashes = new ArrayList<>();
            root.path("keyframeHashes").forEach(h -> hashes.add(h.asText()));
            return new Stored(new MediaMetadata(summary, tags, telemetry, warnings),
                    hashes.stream().filter(PerceptualHash::isHash).toList());
        } catch (RuntimeException e) {
            return new Stored(MediaMetadata.unreadable("stored metadata cannot be read (" + MediaErrors.describe(e) + ")"),
                    List.of());
        }
    }

    private static MetadataSummary readSummary(JsonNode s) {
        Optional<GpsFix> gps = Optional.empty();
        JsonNode g = s.path("gps");
        if (g.isObject() && g.path("lat").isNumber() && g.path("lon").isNumber()) {
            gps = GpsFix.of(g.path("lat").asDouble(), g.path("lon").asDouble(), optionalDouble(g, "alt"),
                    g.path("source").asText("metadata"));
        }
        return new MetadataSummary(gps, optionalText(s, "createdAt"), optionalText(s, "make"),
                optionalText(s, "model"), optionalInt(s, "width"), optionalInt(s, "height"),
                optionalDouble(s, "durationSeconds"), optionalDouble(s, "frameRate"), optionalText(s, "codec"),
                optionalInt(s, "fixes")).withCreatedLocal(optionalText(s, "createdLocal"));
    }

    private static Optional<TelemetryTrack> readTelemetry(JsonNode t) {
        if (!t.isObject()) {
            return Optional.empty();
        }
        List<TelemetryFix> fixes = new ArrayList<>();
        for (JsonNode f : t.path("fixes")) {
            Optional<GpsFix> position = GpsFix.of(f.path("lat").asDouble(), f.path("lon").asDouble(),
                    optionalDouble(f, "alt"), DjiSrtParser.GPS_SOURCE);
            Optional<LocalDateTime> deviceTime = optionalText(f, "deviceTime").map(LocalDateTime::parse);
            position.ifPresent(p -> fixes.add(new TelemetryFix(f.path("sequence").asInt(),
                    Math.max(0, f.path("videoTimeSeconds").asDouble()), deviceTime, p)));
        }
        return Optional.of(new TelemetryTrack(fixes, Math.max(0, t.path("blocks").asInt()), List.of()));
    }

    private static Optional<String> optionalText(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Optional<Integer> optionalInt(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.canConvertToInt() && v.isNumber() && v.asInt() >= 0 ? Optional.of(v.asInt()) : Optional.empty();
    }

    private static Optional<Double> optionalDouble(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isNumber() && Double.isFinite(v.asDouble()) ? Optional.of(v.asDouble()) : Optional.empty();
    }

    private static void putOptional(ObjectNode node, String key, Optional<Double> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.putNull(key);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
