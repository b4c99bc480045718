package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.analysis.CountTable;
import org.groundtruth.core.analysis.DoubleTapDecision;
import org.groundtruth.core.analysis.DoubleTapDetector;
import org.groundtruth.core.analysis.DoubleTapParameters;
import org.groundtruth.core.analysis.DoubleTapReport;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.analysis.GeodesicDistance;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.IncidentStats;
import org.groundtruth.core.analysis.MonthlySeries;
import org.groundtruth.core.analysis.StackKeys;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.analysis.StrikePoint;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;

/**
 * Patterns across the investigation: counts per month, region, target and strike type in SQL (from the
 * trigger-kept {@code incident_month_stats} summary where it can answer, else GROUP BY over the incidents; a
 * million incidents are never loaded), the double-tap search, and the analysts' decisions on suspected
 * double taps — each decision one transaction with its custody-log entry, a confirmation also marking the
 * follow-up incident's strike sequence.
 */
public final class PatternService {
    static final String DECISION_ENTITY = "double_tap";

    private final Database db;

    PatternService(Database db) {
        this.db = db;
    }

    /**
     * Incidents matching the filter counted by {@code by}. Answered from the trigger-kept summary tables when they can
     * (whole months: per tag, per tag set for several tags), else from the tag index or the incidents (see
     * {@link PatternFilterSql}).
     */
    public CountTable count(IncidentFilter filter, StatsDimension by) {
        return db.read(c -> {
            Map<String, Long> counts = new HashMap<>();
            long skipped = 0;
            for (IncidentFilter piece : PatternFilterSql.pieces(filter)) {
                PatternFilterSql f = PatternFilterSql.forCounts(piece);
                for (KeyCount row : Sql.query(c, f.select(List.of(f.key(by)), null),
                        rs -> new KeyCount(rs.getString(1), rs.getLong(2)), f.params)) {
                    if (row.key == null) {
                        skipped += row.count;
                    } else {
                        counts.merge(row.key, row.count, Long::sum);
                    }
                }
            }
            return IncidentStats.table(by, filter, counts, skipped);
        });
    }

    /** Incidents per month, optionally stacked; from the table that answers fastest, like {@link #count}. */
    public MonthlySeries monthly(IncidentFilter filter, Optional<StatsDimension> stackBy) {
        return db.read(c -> {
            SortedMap<YearMonth, Map<String, Long>> counts = new TreeMap<>();
            long untimed = 0;
            for (IncidentFilter piece : PatternFilterSql.pieces(filter)) {
                PatternFilterSql f = PatternFilterSql.forCounts(piece);
                String stack = stackBy.map(f::key).orElse("''");
                for (MonthStack row : Sql.query(c, f.select(List.of(f.month(), stack), f.timed()),
                        rs -> new MonthStack(rs.getString(1), rs.getString(2), rs.getLong(3)), f.params)) {
                    counts.computeIfAbsent(month(row.month), m -> new HashMap<>())
                            .merge(row.stack == null ? StackKeys.NONE : row.stack, row.count, Long::sum);
                }
                untimed += Sql.count(c, f.select(List.of(), "NOT (" + f.timed() + ")"), f.params);
            }
            return MonthlySeries.of(filter, stackBy, counts, untimed);
        });
    }

    /** A stored month key; one that is not a month (a date edited around the program) is a one-line error. */
    private static YearMonth month(String key) {
        try {
            return YearMonth.parse(key);
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new StoreException("the investigation holds an occurred_at it cannot read as a month: '" + key
                    + "' (changed outside Groundtruth? run 'audit verify')", e);
        }
    }

    /** Searches the filtered incidents for double taps; those without a location or a time are counted. */
    public DoubleTapReport doubleTaps(IncidentFilter filter, DoubleTapParameters parameters, ProgressMonitor progress) {
        PatternFilterSql f = PatternFilterSql.of(filter);
        record Loaded(List<StrikePoint> points, DoubleTapDetector.Skipped skipped) {
        }
        Loaded loaded = db.read(c -> {
            List<StrikePoint> points = Sql.query(c, "SELECT id, lat, lon, unixepoch(occurred_at) FROM incident WHERE "
                    + f.where + " AND lat IS NOT NULL AND occurred_at IS NOT NULL",
                    rs -> new StrikePoint(rs.getString(1), new LatLon(rs.getDouble(2), rs.getDouble(3)), rs.getLong(4)),
                    f.params);
            DoubleTapDetector.Skipped skipped = Sql.one(c, "SELECT coalesce(sum(lat IS NULL), 0),"
                    + " coalesce(sum(occurred_at IS NULL), 0), coalesce(sum(lat IS NULL OR occurred_at IS NULL), 0)"
                    + " FROM incident WHERE " + f.where, rs -> new DoubleTapDetector.Skipped(rs.getInt(1),
                    rs.getInt(2), rs.getInt(3)), f.params).orElse(DoubleTapDetector.Skipped.NONE);
            return new Loaded(points, skipped);
        });
        return new DoubleTapDetector(parameters).detect(loaded.points, loaded.skipped, progress);
    }

    /** The incidents with these ids that exist, by id (for showing pairs: titles, places, positions). */
    public Map<String, Incident> incidents(java.util.Collection<String> ids) {
        return db.read(c -> {
            Map<String, Incident> found = new HashMap<>();
            for (String id : ids) {
                IncidentRepository.find(c, id).ifPresent(i -> found.put(id, i));
            }
            return found;
        });
    }

    public List<DoubleTapDecision> decisions() {
        return db.read(c -> Sql.query(c, "SELECT * FROM double_tap_decision ORDER BY decided_at, first_id, second_id",
                PatternService::decision));
    }

    public Optional<DoubleTapDecision> decision(String first, String second) {
        return db.read(c -> findDecision(c, first, second));
    }

    /**
     * Records the analyst's verdict on {@code second} following {@code first}. A confirmation sets the follow-up's
     * strike sequence to follow-up; dismissing a confirmed pair restores the sequence it had before, unless
     * another confirmed pair still makes it a follow-up. All in one transaction with the custody-log entries.
     */
    public DoubleTapDecision decide(String first, String second, DoubleTapVerdict verdict, String analyst,
            String reason) {
        return db.inTransaction(c -> {
            Incident a = IncidentService.require(c, first);
            Incident b = IncidentService.require(c, second);
            LatLon pa = a.location().orElseThrow(() -> new BadInputException("incident " + first + " has no location"));
            LatLon pb = b.location().orElseThrow(() -> new BadInputException("incident " + second + " has no location"));
            Instant ta = a.occurredAt().orElseThrow(() -> new BadInputException("incident " + first + " has no time"));
            Instant tb = b.occurredAt().orElseThrow(() -> new BadInputException("incident " + second + " has no time"));
            long gap = tb.getEpochSecond() - ta.getEpochSecond();
            if (gap <= 0) {
                throw new BadInputException("incident " + second + " did not happen after " + first
                        + "; give the earlier strike first");
            }
            double distance = new GeodesicDistance().meters(pa.lat(), pa.lon(), pb.lat(), pb.lon());
            Optional<DoubleTapDecision> before = findDecision(c, first, second);
            Optional<String> sequenceBefore = Sql.one(c, "SELECT sequence_before FROM double_tap_decision"
                    + " WHERE first_id = ? AND second_id = ?", rs -> Optional.ofNullable(rs.getString(1)), first, second)
                    .flatMap(s -> s);
            DoubleTapDecision decision = new DoubleTapDecision(first, second, verdict, distance, gap, analyst,
                    reason, Instant.now());
            if (verdict == DoubleTapVerdict.CONFIRMED && sequenceBefore.isEmpty()) {
                sequenceBefore = Optional.of(b.strikeSequence().code());
            }
            if (verdict == DoubleTapVerdict.DISMISSED && before.map(d -> d.verdict() == DoubleTapVerdict.CONFIRMED)
                    .orElse(false)) {
                restoreSequence(c, b, first, sequenceBefore, analyst, reason);
                sequenceBefore = Optional.empty();
            }
            Sql.update(c, "INSERT INTO double_tap_decision (first_id, second_id, verdict, distance_m, gap_s,"
                    + " sequence_before, analyst, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (first_id, second_id) DO UPDATE SET verdict = excluded.verdict,"
                    + " distance_m = excluded.distance_m, gap_s = excluded.gap_s,"
                    + " sequence_before = excluded.sequence_before, analyst = excluded.analyst,"
                    + " reason = excluded.reason, decided_at = excluded.decided_at",
                    first, second, verdict, distance, gap, sequenceBefore, analyst, reason, decision.decidedAt());
            AuditLog.append(c, new AuditLog.Change(analyst, before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                    DECISION_ENTITY, decision.pairKey(), before.orElse(null), decision, reason));
            if (verdict == DoubleTapVerdict.CONFIRMED && b.strikeSequence() != StrikeSequence.FOLLOW_UP) {
                changeSequence(c, b, StrikeSequence.FOLLOW_UP, analyst,
                        "double tap confirmed: follow-up of " + first + (reason.isBlank() ? "" : "; " + reason));
            }
            return decision;
        });
    }

    private static void restoreSequence(Connection c, Incident follower, String first, Optional<String> sequenceBefore,
            String analyst, String reason) throws SQLException {
        long otherConfirmations = Sql.count(c, "SELECT count(*) FROM double_tap_decision WHERE second_id = ?"
                + " AND first_id <> ? AND verdict = 'confirmed'", follower.id(), first);
        if (otherConfirmations > 0 || follower.strikeSequence() != StrikeSequence.FOLLOW_UP) {
            return;
        }
        StrikeSequence restored = sequenceBefore
                .map(code -> org.groundtruth.core.Coded.parse(StrikeSequence.class, code, "sequence_before"))
                .orElse(StrikeSequence.UNKNOWN);
        if (restored != StrikeSequence.FOLLOW_UP) {
            changeSequence(c, follower, restored, analyst,
                    "double tap dismissed: no longer a follow-up of " + first + (reason.isBlank() ? "" : "; " + reason));
        }
    }

    private static void changeSequence(Connection c, Incident incident, StrikeSequence sequence, String analyst,
            String reason) throws SQLException {
        Incident edited = incident.toBuilder().strikeSequence(sequence).build();
        IncidentRepository.update(c, edited);
        SearchIndex.reindex(c, edited.id());
        AuditLog.append(c, new AuditLog.Change(analyst, AuditAction.UPDATE, IncidentService.ENTITY, edited.id(),
                incident, edited, reason));
    }

    private static Optional<DoubleTapDecision> findDecision(Connection c, String first, String second)
            throws SQLException {
        return Sql.one(c, "SELECT * FROM double_tap_decision WHERE first_id = ? AND second_id = ?",
                PatternService::decision, first, second);
    }

    static DoubleTapDecision decision(java.sql.ResultSet rs) throws SQLException {
        return new DoubleTapDecision(rs.getString("first_id"), rs.getString("second_id"),
                Sql.coded(rs, "verdict", DoubleTapVerdict.class), rs.getDouble("distance_m"), rs.getLong("gap_s"),
                rs.getString("analyst"), rs.getString("reason"), Sql.instant(rs, "decided_at"));
    }

    private record KeyCount(String key, long count) {
    }

    private record MonthStack(String month, String stack, long count) {
    }
}
