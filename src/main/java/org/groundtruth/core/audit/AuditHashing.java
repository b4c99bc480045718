package org.groundtruth.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical form of an audit entry and its chained hash. The canonical form is a JSON object with keys in
 * a fixed (alphabetical) order and every value a string or integer, so any tool can recompute it.
 */
public final class AuditHashing {
    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHashing() {
    }

    static String canonical(long sequence, Instant at, String actor, AuditAction action, String entityType,
            String entityId, String before, String after, String reason) {
        StringBuilder json = new StringBuilder(256 + before.length() + after.length());
        json.append('{');
        field(json, "action", action.code()).append(',');
        field(json, "actor", actor).append(',');
        field(json, "after", after).append(',');
        field(json, "at", DateTimeFormatter.ISO_INSTANT.format(at)).append(',');
        field(json, "before", before).append(',');
        field(json, "entityId", entityId).append(',');
        field(json, "entityType", entityType).append(',');
        field(json, "reason", reason).append(',');
        json.append("\"sequence\":").append(sequence);
        return json.append('}').toString();
    }

    static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static StringBuilder field(StringBuilder json, String key, String value) {
        json.append('"').append(key).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
