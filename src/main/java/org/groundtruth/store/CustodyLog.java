package org.groundtruth.store;

import java.util.List;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.ChainCheck;

/** Reading and checking the custody log; writing happens only inside the services' transactions. */
public final class CustodyLog {
    private final Database db;

    CustodyLog(Database db) {
        this.db = db;
    }

    public ChainCheck verify() {
        return db.read(AuditLog::verify);
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
