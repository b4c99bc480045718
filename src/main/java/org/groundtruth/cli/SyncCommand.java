package org.groundtruth.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundtruth sync}: push this laptop's signed entries to its team project and pull everyone else's. */
@Command(name = "sync", description = "Push this investigation's new signed entries to its team project and pull"
        + " the others'; prints pushed and pulled counts and conflicts.")
final class SyncCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
        GroundtruthCommand root = Workspace.root(spec);
        String analyst = Workspace.analyst(root);
        return TeamCalls.run(spec, () -> {
            try (Investigation inv = Workspace.open(root)) {
                var link = inv.team().link().orElseThrow(() -> new BadInputException("investigation "
                        + inv.directory() + " is not linked to a team project: run team join --server URL --project NAME"));
                try (TeamClient client = TeamClient.open(ServerUrl.parse(link.server()), analyst, Optional.empty())) {
                    TeamSync.Result r = new TeamSync(inv, client, ProgressMonitor.NONE).run(analyst);
                    if (json) {
                        Output.json(spec, r);
                    } else {
                        Output.line(spec, "pushed " + r.pushed() + ", pulled " + r.pulled() + " entries (" + r.blobsUploaded()
                                + " originals uploaded, " + r.blobsDownloaded() + " downloaded); " + r.conflicts()
                                + " new conflicts, " + r.openConflicts() + " open");
                    }
                }
            }
            return Cli.OK;
        });
    }
}
