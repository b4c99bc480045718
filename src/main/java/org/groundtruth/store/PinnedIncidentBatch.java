package org.groundtruth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.PlaceLookup;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.VerificationRecords.PinnedIncident;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * Writes many new incidents, each at its accepted pin, inside the caller's ONE transaction — the bulk path of
 * {@code import-features}. Every statement is prepared once and reused for every row; nothing written is read
 * back (the incident's space-time row takes the key just inserted, its search document is built from what is
 * written, the custody log's head is held in memory and written once) and the summary tables are brought up to
 * date once for the whole batch ({@link IncidentSummaries}). Rows, search documents, summaries and log entries are
 * exactly those the one-at-a-time path writes, so {@code audit verify}, searches and statistics cannot tell them
 * apart.
 */
final class PinnedIncidentBatch implements AutoCloseable {
    private final PlaceLookup places;
    private final String actor;
    private final PreparedStatement incident;
    private final PreparedStatement spaceTime;
    private final PreparedStatement pin;
    private final PreparedStatement matchedFeature;
    private final PreparedStatement search;
    private final AuditLog.Appender log;
    private final SQLiteConnectionConfig config;
    private final boolean generatedKeys;
    private final Optional<IncidentSummaries> summaries;
    private long written;

    PinnedIncidentBatch(Connection c, PlaceLookup places, String actor) throws SQLException {
        this.places = places;
        this.actor = actor;
        // The driver would run "SELECT last_insert_rowid()" after every INSERT for getGeneratedKeys(), unused here.
        this.config = c.unwrap(SQLiteConnection.class).getConnectionConfig();
        this.generatedKeys = config.isGetGeneratedKeys();
        config.setGetGeneratedKeys(false);
        // Before any statement is prepared: dropping triggers changes the schema.
        this.summaries = IncidentSummaries.suspend(c);
        this.incident = c.prepareStatement(IncidentRepository.INSERT);
        this.spaceTime = c.prepareStatement(IncidentRepository.INSERT_SPACE_TIME_OF_LAST);
        this.pin = c.prepareStatement(PinRepository.INSERT);
        this.matchedFeature = c.prepareStatement(PinRepository.INSERT_FEATURE);
        this.search = c.prepareStatement(SearchIndex.INSERT);
        this.log = new AuditLog.Appender(c);
    }

    /** Creates the incident already at its pin (its region and a blank place name filled from the pin). */
    void add(PinnedIncident item) throws SQLException {
        GeolocationPin accepted = item.pin();
        Incident located = located(item.incident(), accepted);
        execute(incident, IncidentRepository.insertValues(located, Instant.now()));
        Optional<Object[]> box = IncidentRepository.spaceTime(located);
        if (box.isPresent()) {
            execute(spaceTime, box.get());
        }
        log.append(new AuditLog.Change(actor, AuditAction.CREATE, IncidentService.ENTITY, located.id(), null, located,
                item.reason()));
        execute(pin, PinRepository.values(accepted));
        for (Object[] feature : PinRepository.featureValues(accepted)) {
            execute(matchedFeature, feature);
        }
        log.append(new AuditLog.Change(actor, AuditAction.CREATE, "pin", accepted.id(), null, accepted,
                item.reason()));
        execute(search, located.id(), SearchIndex.newIncidentBody(located, accepted.method()));
        written++;
    }

    long written() {
        return written;
    }

    private Incident located(Incident incident, GeolocationPin pin) {
        Incident.Builder located = incident.toBuilder().location(Optional.of(pin.target()));
        places.at(pin.target()).ifPresent(fix -> {
            fix.admin1().ifPresent(located::admin1);
            if (incident.placeName().isBlank()) {
                fix.placeName().ifPresent(located::placeName);
            }
        });
        return located.build();
    }

    private static void execute(PreparedStatement statement, Object... values) throws SQLException {
        Sql.bind(statement, values);
        statement.executeUpdate();
    }

    /** Whether the summary tables are brought up to date in bulk (else their triggers fire row by row). */
    boolean summariesInBulk() {
        return summaries.isPresent();
    }

    /** Completes the batch after the last {@link #add}: the custody log's head, the summaries, the triggers. */
    void finish() throws SQLException {
        log.finish();
        if (summaries.isPresent()) {
            summaries.get().resume();
        }
    }

    /** Releases the statements (without {@link #finish} the caller's transaction must roll back). */
    @Override
    public void close() throws SQLException {
        try (incident; spaceTime; pin; matchedFeature; search; log) {
            config.setGetGeneratedKeys(generatedKeys);
        }
    }
}
