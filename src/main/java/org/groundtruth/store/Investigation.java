package org.groundtruth.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.core.geo.PlaceLookup;

/**
 * An investigation folder: {@code investigation.db} (SQLite) and {@code vault/} (originals by SHA-256).
 * Opening a folder that has neither creates them; every service below writes data and its custody-log entry
 * in one transaction.
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

    private Investigation(Path directory, Database database, EvidenceVault vault, MediaInspector inspector,
            PlaceLookup places) {
        this.directory = directory;
        this.database = database;
        this.vault = vault;
        this.incidents = new IncidentService(database);
        this.evidence = new EvidenceService(database, vault, inspector);
        this.verification = new VerificationRecords(database, places);
        this.custody = new CustodyLog(database);
        this.workflow = new ReviewWorkflow(database);
        this.patterns = new PatternService(database);
    }

    /** Opens the investigation in {@code directory}, creating it (and the folder) when there is none yet. */
    public static Investigation open(Path directory, MediaInspector inspector) {
        return open(directory, inspector, PlaceLookup.NONE);
    }

    /** As {@link #open(Path, MediaInspector)}; {@code places} fills an incident's place and region from its accepted pin. */
    public static Investigation open(Path directory, MediaInspector inspector, PlaceLookup places) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new org.groundtruth.core.BadInputException("workspace " + dir + " is a file, not a folder");
            }
            Files.createDirectories(dir);
            EvidenceVault vault = new EvidenceVault(dir.resolve(VAULT_DIR), dir.resolve(INCOMING_DIR));
            return new Investigation(dir, Database.open(dir.resolve(DATABASE_FILE)), vault, inspector,
                    places);
        } catch (IOException e) {
            throw new StoreException("cannot create investigation folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code directory} already holds an investigation database. */
    public static boolean existsIn(Path directory) {
        return Files.isRegularFile(directory.resolve(DATABASE_FILE));
    }

    public Path directory() {
        return directory;
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

    /** Status changes and the two-analyst review. */
    /** The insignia scan's emblem library, rejections and acceptances. */
    public InsigniaScanStore insigniaScans() {
        return new InsigniaScanStore(database);
    }

    public ReviewWorkflow workflow() {
        return workflow;
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

    @Override
    public void close() {
        database.close();
    }
}
