package org.groundtruth.store.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.casefile.CaseManifest;
import org.groundtruth.core.casefile.ManifestEntry;

/** {@code manifest.json}: snake_case keys, written in a fixed order so the signed bytes are reproducible. */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    public static byte[] write(CaseManifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", manifest.format());
        root.put("format_version", manifest.formatVersion());
        root.put("tool_version", manifest.toolVersion());
        root.put("created_by", manifest.createdBy());
        root.put("created_at", DateTimeFormatter.ISO_INSTANT.format(manifest.createdAt()));
        root.put("public", manifest.publicVersion());
        manifest.gridMeters().ifPresent(g -> root.put("grid_m", g));
        root.put("incident_count", manifest.incidentCount());
        ArrayNode files = root.putArray("files");
        for (ManifestEntry entry : manifest.files()) {
            files.addObject().put("path", entry.path()).put("size", entry.sizeBytes()).put("sha256", entry.sha256());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    /** The manifest in {@code bytes}; an IllegalArgumentException says what is wrong with it. */
    public static CaseManifest read(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("manifest.json is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest.json is unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("manifest.json is not a JSON object");
        }
        List<ManifestEntry> files = new ArrayList<>();
        JsonNode list = required(root, "files");
        if (!list.isArray()) {
            throw new IllegalArgumentException("manifest.json: files is not a list");
        }
        for (JsonNode f : list) {
            files.add(new ManifestEntry(required(f, "path").asText(), required(f, "size").asLong(-1),
                    required(f, "sha256").asText()));
        }
        try {
            return new CaseManifest(required(root, "format").asText(), required(root, "format_version").asInt(0),
                    root.path("tool_version").asText(""), required(root, "created_by").asText(),
                    Instant.parse(required(root, "created_at").asText()), root.path("public").asBoolean(false),
                    root.hasNonNull("grid_m") ? Optional.of(root.get("grid_m").asDouble()) : Optional.empty(),
                    root.path("incident_count").asInt(0), files);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("manifest.json: created_at is not an ISO-8601 time");
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("manifest.json: " + field + " is missing");
        }
        return value;
    }
}
