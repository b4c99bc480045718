package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code team status} without a reachable server: what the laptop knows, and why the server was not asked. */
class TeamStatusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void unlinkedThenOfflineStatus() {
        String ws = tmp.resolve("ws").toString();
        assertThat(CliRun.of("--workspace", ws, "init").exitCode()).isZero();
        CliRun unlinked = CliRun.of("--workspace", ws, "team", "status");
        assertThat(unlinked.exitCode()).as(unlinked.err()).isZero();
        assertThat(unlinked.out()).startsWith("not linked to a team project");

        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            inv.team().link("postgresql://127.0.0.1:1/gt", "Херсон", "dev-offline02");
            inv.incidents().create(Incident.titled("Офлайн"), "Олена", "нове");
        }
        CliRun offline = CliRun.of("--workspace", ws, "--analyst", "Олена", "team", "status", "--json");
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        JsonNode json = offline.json();
        assertThat(json.get("linked").asBoolean()).isTrue();
        assertThat(json.get("project").asText()).isEqualTo("Херсон");
        assertThat(json.get("pendingPush").asLong()).isEqualTo(1);
        assertThat(json.get("pendingPull").isNull()).isTrue();
        assertThat(json.get("serverReached").asBoolean()).isFalse();
        assertThat(json.get("offlineReason").asText()).contains("127.0.0.1:1");

        CliRun human = CliRun.of("--workspace", ws, "--analyst", "Олена", "team", "status");
        assertThat(human.out()).contains("1 entries to push, to pull: unknown").contains("server not reached");
    }
}
