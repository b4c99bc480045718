package org.groundtruth.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.core.geo.PlaceLookup;

/**
 * An investigation folder: {@code investigation.db} (SQLite) and {@code vault/} (originals by SHA-256).
 * {@link #open} creates them in a folder that has neither; {@link #openExisting} refuses such a folder. Every
 * service below writes data and its custody-log entry in one transaction. A folder that cannot be written opens
 * read-only ({@link #readOnlyReason()}): reads work, every change is refused with
 * {@link ReadOnlyInvestigationException} before anything is written.
 */
public final class Investigation implements AutoCloseable {
    public static final String DATABASE_FILE = "investigation.db";
    public static final String VAULT_DIR = "vault";
    static final String INCOMING_DIR = ".incoming";

    private final Path directory;
    private final Database database;
    private final EvidenceVault vault;
    private final IncidentService incidents;
    private final EvidenceService evidence;
    private final VerificationRecords verification;
    private final CustodyLog custody;
    private final ReviewWorkflow workflow;
    private final PatternService patterns;
    private final Optional<String> readOnlyReason;
    private final SignerTrust signers;
    private final EvidenceChecks checks;
    private final ImageMatchRecords imageMatches;
    private final TeamLocal team;

    private Investigation(Path directory, Database database, EvidenceVault vault, MediaInspector inspector,
            PlaceLookup places, Optional<String> readOnlyReason) {
        this.directory = directory;
        this.readOnlyReason = readOnlyReason;
        this.database = database;
        this.vault = vault;
        this.incidents = new IncidentService(database);
        this.evidence = new EvidenceService(database, vault, inspector);
        this.verification = new VerificationRecords(database, places);
        this.custody = new CustodyLog(database);
        this.workflow = new ReviewWorkflow(database);
        this.patterns = new PatternService(database);
        this.signers = new SignerTrust(database, directory);
        this.checks = new EvidenceChecks(database);
        this.imageMatches = new ImageMatchRecords(database);
        this.team = new TeamLocal(database);
    }

    /** Opens the investigation in {@code directory}, creating it (and the folder) when there is none yet. */
    public static Investigation open(Path directory, MediaInspector inspector) {
        return open(directory, inspector, PlaceLookup.NONE);
    }

    /** As {@link #open(Path, MediaInspector)}; {@code places} fills an incident's place and region from its accepted pin. */
    public static Investigation open(Path directory, MediaInspector inspector, PlaceLookup places) {
        Path dir = directory.toAbsolutePath().normalize();
        if (existsIn(dir)) {
            return openExisting(dir, inspector, places);
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("workspace " + dir + " is a file, not a folder");
            }
            Files.createDirectories(dir);
            EvidenceVault vault = new EvidenceVault(dir.resolve(VAULT_DIR), dir.resolve(INCOMING_DIR));
            return new Investigation(dir, Database.open(dir.resolve(DATABASE_FILE)), vault, inspector,
                    places, Optional.empty());
        } catch (IOException e) {
            throw new StoreException("cannot create investigation folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the investigation that {@code directory} holds, read-only when the folder cannot be written; a folder
     * without one is refused ({@link BadInputException}, "no investigation at DIR; run init") and nothing is created.
     */
    public static Investigation openExisting(Path directory, MediaInspector inspector, PlaceLookup places) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!existsIn(dir)) {
            throw new BadInputException("no investigation at " + dir + "; run init");
        }
        Optional<String> readOnly = WorkspaceAccess.whyReadOnly(dir);
        if (readOnly.isPresent()) {
            Database db = Database.openReadOnly(dir.resolve(DATABASE_FILE));
            return new Investigation(dir, db, EvidenceVault.readOnly(dir.resolve(VAULT_DIR), dir), inspector, places,
                    readOnly);
        }
        try {
            EvidenceVault vault = new EvidenceVault(dir.resolve(VAULT_DIR), dir.resolve(INCOMING_DIR));
            return new Investigation(dir, Database.open(dir.resolve(DATABASE_FILE)), vault, inspector, places,
                    Optional.empty());
        } catch (IOException e) {
            throw new StoreException("cannot open investigation folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code directory} already holds an investigation database. */
    public static boolean existsIn(Path directory) {
        return Files.isRegularFile(directory.resolve(DATABASE_FILE));
    }

    public Path directory() {
        return directory;
    }

    /** True when the folder could not be written when it was opened: every change is refused. */
    public boolean isReadOnly() {
        return readOnlyReason.isPresent();
    }

    /** Why the investigation is read-only (which folder or file cannot be written), when it is. */
    public Optional<String> readOnlyReason() {
        return readOnlyReason;
    }

    /**
     * Runs several service calls as one transaction: all their changes and custody entries are committed together,
     * or none is (a failure or a killed process leaves the investigation as it was). The calls may run more than
     * once when another process keeps the database busy, so they must only change the investigation.
     */
    public void inOneTransaction(Runnable calls) {
        database.inTransaction(c -> {
            calls.run();
            return null;
        });
    }

    public EvidenceVault vault() {
        return vault;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public EvidenceService evidence() {
        return evidence;
    }

    public VerificationRecords verification() {
        return verification;
    }

    public CustodyLog custody() {
        return custody;
    }

    /** Counts per month and region, double-tap search and decisions (issue 7). */
    public PatternService patterns() {
        return patterns;
    }

    /** The case-file signers this investigation trusts (import-case, Open case file). */
    public SignerTrust signers() {
        return signers;
    }

    /** Red flags: each incident's claim against its evidence's metadata, and their explanations (issue 15). */
    public EvidenceChecks checks() {
        return checks;
    }

    /** Image matching: the feature cache, searches and decisions (issue 16). */
    public ImageMatchRecords imageMatches() {
        return imageMatches;
    }

    /** Status changes and the two-analyst review. */
    /** The insignia scan's emblem library, rejections and acceptances. */
    public InsigniaScanStore insigniaScans() {
        return new InsigniaScanStore(database);
    }

    /** The investigator's order of old DJI GPS(a,b) lines per telemetry item, kept in the custody log (issue 15). */
    public TelemetryOrders telemetryOrders() {
        return new TelemetryOrders(database);
    }

    public ReviewWorkflow workflow() {
        return workflow;
    }

    /** Signing keys, the team server link and sync (issue 17). */
    public TeamLocal team() {
        return team;
    }

    public int schemaVersion() {
        return (int) Migrations.currentVersion(database);
    }

    /** Totals for the status bar. */
    public record Counts(long incidents, long evidenceItems, long auditEntries) {
    }

    public Counts counts() {
        return database.read(c -> new Counts(IncidentRepository.count(c), EvidenceRepository.count(c),
                AuditLog.count(c)));
    }

    /**
     * SQLite's {@code PRAGMA data_version} on this investigation's connection: it changes when another
     * connection (the command line, a second window, another process) commits, not for this one's own commits.
     * Cheap enough to poll every half second.
     */
    public long dataVersion() {
        return database.read(c -> {
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
