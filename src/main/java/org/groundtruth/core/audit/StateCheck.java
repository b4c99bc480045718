package org.groundtruth.core.audit;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * The result of comparing the stored rows with the custody log's last state of each entity: how many entities
 * were compared and, when one differs, which ({@code entityType} and {@code entityId}) and how.
 */
public record StateCheck(long entitiesChecked, Optional<String> entityType, Optional<String> entityId, String problem) {

    public StateCheck {
        Require.nonNegative(entitiesChecked, "entities checked");
        Require.present(entityType, "entity type");
        Require.present(entityId, "entity id");
        Require.present(problem, "problem");
    }

    public static StateCheck agrees(long entities) {
        return new StateCheck(entities, Optional.empty(), Optional.empty(), "");
    }

    public static StateCheck differs(long entities, String entityType, String entityId, String problem) {
        return new StateCheck(entities, Optional.of(entityType), Optional.of(entityId), problem);
    }

    public boolean agreesWithLog() {
        return entityId.isEmpty();
    }
}
