package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;

/** Creating, editing, deleting, finding and searching incidents; each change is logged. */
public final class IncidentService {
    static final String ENTITY = "incident";

    private final Database db;

    IncidentService(Database db) {
        this.db = db;
    }

    public Incident create(Incident incident, String actor, String reason) {
        return db.inTransaction(c -> {
            if (IncidentRepository.find(c, incident.id()).isPresent()) {
                throw new BadInputException("incident " + incident.id() + " exists already");
            }
            IncidentRepository.insert(c, incident);
            SearchIndex.reindex(c, incident.id());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, ENTITY, incident.id(), null, incident,
                    reason));
            return incident;
        });
    }

    /** Saves an edited incident; unchanged records write nothing, not even a log entry. */
    public Incident update(Incident edited, String actor, String reason) {
        return db.inTransaction(c -> {
            Incident before = require(c, edited.id());
            if (before.equals(edited)) {
                return before;
            }
            if (before.status() != edited.status()) {
                throw new BadInputException("the status of " + edited.id() + " changes only through the review"
                        + " workflow (status set, with a rationale)");
            }
            IncidentRepository.update(c, edited);
            SearchIndex.reindex(c, edited.id());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, ENTITY, edited.id(), before, edited,
                    reason));
            return edited;
        });
    }

    public void delete(String id, String actor, String reason) {
        db.inTransaction(c -> {
            Incident before = require(c, id);
            IncidentRepository.delete(c, id);
            SearchIndex.reindex(c, id);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.DELETE, ENTITY, id, before, null, reason));
            return null;
        });
    }

    public Optional<Incident> find(String id) {
        return db.read(c -> IncidentRepository.find(c, id));
    }

    /** The incident, or a bad-input error naming the unknown id. */
    public Incident get(String id) {
        return db.read(c -> require(c, id));
    }

    public List<Incident> list(IncidentQuery query) {
        return db.read(c -> IncidentRepository.list(c, query));
    }

    static Incident require(Connection c, String id) throws SQLException {
        return IncidentRepository.find(c, id).orElseThrow(() -> new BadInputException("unknown incident id: " + id));
    }
}
