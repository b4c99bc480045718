package org.groundtruth.core.verify;

import java.time.Instant;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;
import org.groundtruth.core.evidence.EvidenceItem;

/** A link between two evidence items, typically the attacker's video and the rescue service's photo. */
public record Corroboration(
        String id,
        String evidenceA,
        String evidenceB,
        CorroborationRelation relation,
        String note,
        String analyst,
        Instant createdAt) {

    public static final String ID_PREFIX = "cor";

    public Corroboration {
        Ids.require(id, ID_PREFIX, "corroboration id");
        Ids.require(evidenceA, EvidenceItem.ID_PREFIX, "evidence A");
        Ids.require(evidenceB, EvidenceItem.ID_PREFIX, "evidence B");
        if (evidenceA.equals(evidenceB)) {
            throw new InvalidInput("validation.selfCorroboration");
        }
        Require.present(relation, "relation");
        note = Require.text(note, "note", 100_000);
        analyst = Require.nonBlank(analyst, "analyst", 200);
        DateRange.require(createdAt, "created at");
    }
}
