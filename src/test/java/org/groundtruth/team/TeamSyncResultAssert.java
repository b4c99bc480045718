package org.groundtruth.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.groundtruth.store.team.TeamSync;

/** Small assertions on a sync's result. */
final class TeamSyncResultAssert {
    private TeamSyncResultAssert() {
    }

    static void conflicts(TeamSync.Result result, int expected) {
        assertThat(result.conflicts()).as("new conflicts in " + result).isEqualTo(expected);
        assertThat(result.openConflicts()).as("open conflicts in " + result).isGreaterThanOrEqualTo(expected);
    }
}
