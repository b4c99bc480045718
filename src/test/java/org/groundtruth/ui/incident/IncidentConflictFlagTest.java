package org.groundtruth.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.AuditHashing;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Json;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incident with an open team conflict is flagged in the incident list until the conflict is resolved. */
class IncidentConflictFlagTest {
    @TempDir
    Path tmp;

    @Test
    void anIncidentWithAnOpenConflictIsFlaggedUntilResolved() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            Incident mine = inv.incidents().create(Incident.titled("Спільний"), "Олена", "нове");
            Incident other = inv.incidents().create(Incident.titled("Інший"), "Олена", "нове");
            inv.incidents().update(mine.toBuilder().title("Версія Олени").build(), "Олена", "уточнила");

            // Petro, on another laptop, changed the same title from the original to something else.
            KeyRing ring = new KeyRing(tmp.resolve("keys"));
            ring.create("Петро", Optional.empty());
            EntrySigner petro = ring.signer("Петро", Optional.empty()).orElseThrow();
            AuditEntry edit = AuditEntry.seal(1, Instant.now(), "Петро", AuditAction.UPDATE, "incident", mine.id(),
                    Json.write(mine), Json.write(mine.toBuilder().title("Версія Петра").build()), "уточнив",
                    AuditHashing.GENESIS);
            inv.team().applyPulled(List.of(new SignedEntry("dev-petro0001", 1, edit, petro.signEntry(edit.hash()))), 1);

            Session session = new Session();
            session.investigationProperty().set(inv);
            IncidentListViewModel list = new IncidentListViewModel(session, InlineBackground.INSTANCE);
            list.refresh();
            assertThat(list.conflicted()).containsExactly(mine.id()).doesNotContain(other.id());

            inv.team().resolve(inv.team().conflicts(false).get(0).id(), true, "Олена");
            list.refresh();
            assertThat(list.conflicted()).isEmpty();
            assertThat(inv.incidents().get(mine.id()).title()).isEqualTo("Версія Петра");
        }
    }
}
