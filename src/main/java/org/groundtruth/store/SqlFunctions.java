package org.groundtruth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sqlite.Function;

/**
 * Java functions registered on every investigation connection before it migrates: the schema's triggers call them
 * (V4 keeps {@code incident_tag} with {@link #LOWER}, V5 its tag-set summary with {@link #TAGSET}), so a connection
 * without them cannot change incidents.
 */
final class SqlFunctions {
    /**
     * {@code gt_lower(text)}: Java's lower case ({@link Locale#ROOT}), the one {@code IncidentFilter} compares tags
     * with. SQLite's lower() folds ASCII only and tags are often Cyrillic.
     */
    static final String LOWER = "gt_lower";

    /**
     * {@code gt_tagset(tags_json)}: an incident's tag set as V5's summary keys it, the JSON array of its distinct
     * tags in {@link #LOWER}'s case, sorted; NULL when it has none. One definition for the backfill and every
     * trigger, so an edit always finds the row the incident was counted in.
     */
    static final String TAGSET = "gt_tagset";

    private SqlFunctions() {
    }

    /** Registers the functions on the connection (idempotent: re-registering replaces them). */
    static void register(Connection c) throws SQLException {
        Function.create(c, LOWER, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(text.toLowerCase(Locale.ROOT));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, TAGSET, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String json = value_text(0);
                Optional<String> set = json == null ? Optional.empty() : tagSet(json);
                if (set.isEmpty()) {
                    result();
                } else {
                    result(set.get());
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }

    static Optional<String> tagSet(String tagsJson) throws SQLException {
        SortedSet<String> tags = new TreeSet<>();
        try {
            for (JsonNode tag : Json.mapper().readTree(tagsJson)) {
                if (tag.isTextual()) {
                    tags.add(tag.asText().toLowerCase(Locale.ROOT));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("tags are not a JSON array: " + e.getOriginalMessage(), e);
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(Json.write(List.copyOf(tags)));
    }
}
