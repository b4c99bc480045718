package org.groundtruth.core.audit;

import org.groundtruth.core.Coded;

/** What a custody-log entry records. */
public enum AuditAction implements Coded {
    CREATE, UPDATE, DELETE, IMPORT, EXPORT, LINK, UNLINK, STATUS_CHANGE
}
