package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.Function;

/**
 * Java functions registered on every investigation connection before it migrates: the schema's triggers call them
 * (V4 keeps {@code incident_tag} with {@link #LOWER}), so a connection without them cannot change incidents.
 */
final class SqlFunctions {
    /**
     * {@code gt_lower(text)}: Java's lower case ({@link Locale#ROOT}), the one {@code IncidentFilter} compares tags
     * with. SQLite's lower() folds ASCII only and tags are often Cyrillic.
     */
    static final String LOWER = "gt_lower";

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
    }
}
