package org.groundtruth.store;

import java.util.List;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.audit.StateCheck;
import org.groundtruth.core.casefile.CaseFileExport;

/**
 * Reading and checking the custody log. Changes to data are logged inside the services' transactions; the only
 * entry written here is an export, which changes nothing in the workspace but must leave a trace.
 */
public final class CustodyLog {
    private final Database db;

    CustodyLog(Database db) {
        this.db = db;
    }

    /** Entity type of export entries; their entity id is the SHA-256 of the case file's signed manifest. */
    public static final String CASE_FILE = "case_file";

    public AuditEntry recordExport(CaseFileExport export, String actor) {
        return db.inTransaction(c -> AuditLog.append(c, new AuditLog.Change(actor, AuditAction.EXPORT, CASE_FILE,
                export.manifestSha256(), null, export, (export.publicVersion() ? "public version " : "")
                        + "exported to " + export.fileName())));
    }

    public ChainCheck verify() {
        return db.read(AuditLog::verify);
    }

    /** Compares every audited row with the log's last state of its entity (edits made around the program). */
    public StateCheck verifyRows() {
        return db.read(LoggedStates::check);
    }

    public List<AuditEntry> history(String entityType, String entityId) {
        return db.read(c -> AuditLog.forEntity(c, entityType, entityId));
    }

    public List<AuditEntry> all() {
        return db.read(AuditLog::all);
    }

    public long size() {
        return db.read(AuditLog::count);
    }
}
