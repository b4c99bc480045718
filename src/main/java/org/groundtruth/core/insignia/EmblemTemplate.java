package org.groundtruth.core.insignia;

import java.time.Instant;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.verify.InsigniaType;

/**
 * An emblem in the investigation's library: its name, the insignia type an accepted match records, where the
 * picture came from ({@code source}: "starter set", "evidence ev_… frame 120", "file emblem.png") and the SHA-256
 * of its PNG. The picture itself is kept by the store.
 */
public record EmblemTemplate(String id, String name, InsigniaType type, String source, String pngSha256,
        String createdBy, Instant createdAt) {
    public static final String ID_PREFIX = "tpl";

    public EmblemTemplate {
        Ids.require(id, ID_PREFIX, "template id");
        name = Require.nonBlank(name, "template name", 120);
        Require.present(type, "insignia type");
        if (type == InsigniaType.NONE_VISIBLE) {
            throw new IllegalArgumentException("a template cannot have the type none-visible");
        }
        source = Require.nonBlank(source, "template source", 500);
        if (!pngSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("template picture hash must be a SHA-256 in hex");
        }
        createdBy = Require.nonBlank(createdBy, "analyst", 200);
        Require.present(createdAt, "created at");
    }
}
