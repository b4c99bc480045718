package org.groundtruth.store.team;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.groundtruth.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far this device's entries are known to be on the server, kept beside the investigation in
 * {@code team-pushed.json} (written to a temp file and renamed) so an offline laptop can show how many entries wait
 * to be pushed. Only a hint for the window: sync always asks the server for the device's head.
 */
final class PushMark {
    private static final Logger LOG = LoggerFactory.getLogger(PushMark.class);
    static final String FILE = "team-pushed.json";

    private PushMark() {
    }

    /** The last sequence known to be on the server for {@code deviceId}; 0 when unknown. */
    static long read(Path investigationDir, String deviceId) {
        Path file = investigationDir.resolve(FILE);
        try {
            JsonNode mark = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            return mark.path("deviceId").asText("").equals(deviceId) ? Math.max(0, mark.path("pushedThrough").asLong(0))
                    : 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the unreadable push mark {}", file, e);
            return 0;
        }
    }

    static void write(Path investigationDir, String deviceId, long pushedThrough) {
        Path file = investigationDir.resolve(FILE);
        Path temp = investigationDir.resolve(FILE + ".tmp");
        try {
            String json = Json.mapper().createObjectNode().put("deviceId", deviceId).put("pushedThrough", pushedThrough)
                    .toString();
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The mark is a display hint; the server's device head is what sync relies on.
            LOG.warn("cannot write the push mark {}", file, e);
        }
    }
}
