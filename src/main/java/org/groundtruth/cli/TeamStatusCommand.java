package org.groundtruth.cli;

import java.util.concurrent.Callable;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code team status}: the window's team line on the command line — server and project, entries to push and to pull,
 * open conflicts. When the server cannot be reached it says so and prints what the laptop knows (exit 0).
 */
@Command(name = "status", description = "Show the project, entries waiting to be pushed and pulled, and open conflicts"
        + " (asks the server; offline it shows what this laptop knows).")
final class TeamStatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    record Result(boolean linked, String server, String project, String deviceId, long localEntries, long pendingPush,
            Long pendingPull, int openConflicts, boolean serverReached, String offlineReason) {
    }

    @Override
    public Integer call() {
        GroundtruthCommand root = Workspace.root(spec);
        try (Investigation inv = Workspace.open(root)) {
            TeamStatus status = TeamStatus.local(inv);
            if (status.linked()) {
                try (TeamClient client = TeamClient.open(ServerUrl.parse(status.server()), Workspace.analyst(root),
                        java.util.Optional.empty())) {
                    status = TeamStatus.probe(inv, client);
                } catch (RuntimeException e) {
                    status = status.offline(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            if (json) {
                Output.json(spec, new Result(status.linked(), status.server(), status.project(), status.deviceId(),
                        status.localEntries(), status.pendingPush(), status.pendingPull().orElse(null),
                        status.openConflicts(), status.serverReached(), status.offlineReason().orElse(null)));
            } else if (!status.linked()) {
                Output.line(spec, "not linked to a team project (team join); " + status.openConflicts()
                        + " open conflicts");
            } else {
                Output.line(spec, "project " + status.project() + " on " + status.server() + " as device "
                        + status.deviceId());
                Output.line(spec, status.pendingPush() + " entries to push, " + status.pendingPull()
                        .map(n -> n + " to pull").orElse("to pull: unknown (server not reached)") + ", "
                        + status.openConflicts() + " open conflicts");
                status.offlineReason().ifPresent(r -> Output.line(spec, "server not reached: " + r));
            }
        }
        return Cli.OK;
    }
}
