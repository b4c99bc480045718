package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.incident.Incident;

/**
 * The incident full-text index (FTS5, unicode61: case-folds Cyrillic as well as Latin). One document per
 * incident: its own text plus the captions of its evidence sources and the notes of its observations,
 * rebuilt in the transaction of any change to them.
 */
final class SearchIndex {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchIndex() {
    }

    static void reindex(Connection c, String incidentId) throws SQLException {
        Sql.update(c, "DELETE FROM incident_search WHERE incident_id = ?", incidentId);
        Incident incident = IncidentRepository.find(c, incidentId).orElse(null);
        if (incident == null) {
            return;
        }
        List<String> parts = ownText(incident);
        parts.addAll(Sql.query(c, "SELECT s.caption || ' ' || s.translation || ' ' || s.account FROM source s"
                + " JOIN evidence_item e ON e.source_id = s.id JOIN incident_evidence ie ON ie.evidence_id = e.id"
                + " WHERE ie.incident_id = ?", rs -> rs.getString(1), incidentId));
        parts.addAll(Sql.query(c, "SELECT e.original_name FROM evidence_item e JOIN incident_evidence ie"
                + " ON ie.evidence_id = e.id WHERE ie.incident_id = ?", rs -> rs.getString(1), incidentId));
        parts.addAll(Sql.query(c, "SELECT note || ' ' || other_text FROM insignia_observation WHERE incident_id = ?",
                rs -> rs.getString(1), incidentId));
        parts.addAll(Sql.query(c, "SELECT method FROM geolocation_pin WHERE incident_id = ?",
                rs -> rs.getString(1), incidentId));
        parts.addAll(Sql.query(c, "SELECT note FROM chronolocation WHERE incident_id = ?",
                rs -> rs.getString(1), incidentId));
        Sql.update(c, INSERT, incidentId, String.join("\n", parts));
    }

    static final String INSERT = "INSERT INTO incident_search (incident_id, body) VALUES (?, ?)";

    /** The incident's own words, first in its document. */
    private static List<String> ownText(Incident incident) {
        return new ArrayList<>(List.of(incident.id(), incident.title(), incident.description(), incident.placeName(),
                incident.admin1(), String.join(" ", incident.tags())));
    }

    /**
     * The document {@link #reindex} builds for a new incident whose only linked record is {@code pin} (no evidence,
     * observations or checks yet), without reading anything back: for inserting many at once.
     */
    static String newIncidentBody(Incident incident, String pinMethod) {
        List<String> parts = ownText(incident);
        parts.add(pinMethod);
        return String.join("\n", parts);
    }

    /** Reindexes every incident linked to an evidence item (its source caption changed, say). */
    static void reindexForEvidence(Connection c, String evidenceId) throws SQLException {
        for (String incidentId : Sql.query(c, "SELECT incident_id FROM incident_evidence WHERE evidence_id = ?",
                rs -> rs.getString(1), evidenceId)) {
            reindex(c, incidentId);
        }
    }

    /**
     * Turns what a user types into a safe FTS5 expression: every word must occur, as a prefix. Operators and
     * quotes typed by the user are treated as plain text, never as query syntax.
     */
    static String matchExpression(String text) {
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        List<String> terms = new ArrayList<>();
        while (words.find()) {
            terms.add("\"" + words.group() + "\"*");
        }
        return terms.isEmpty() ? "\"\"" : String.join(" AND ", terms);
    }
}
