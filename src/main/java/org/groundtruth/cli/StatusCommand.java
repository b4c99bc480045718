package org.groundtruth.cli;

import java.util.concurrent.Callable;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth status set INCIDENT STATUS --rationale TEXT}. */
@Command(name = "status", description = "Change an incident's verification status.", subcommands = StatusCommand.Set.class)
final class StatusCommand {

    @Command(name = "set", description = "Set the status (unverified, in-progress, geolocated, corroborated,"
            + " ready-for-review, disputed, rejected); verified only through review approve.")
    static final class Set implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "INCIDENT") String incidentId;
        @Parameters(index = "1", paramLabel = "STATUS") String status;
        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why (custody log).") String rationale;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            VerificationStatus target = Options.vocabulary(VerificationStatus.class, status, "status");
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                Incident changed = inv.workflow().setStatus(incidentId, target, rationale, Workspace.analyst(root));
                if (json) {
                    Output.json(spec, changed);
                } else {
                    Output.line(spec, changed.id() + " is now " + Options.kebab(changed.status()));
                }
            }
            return Cli.OK;
        }
    }
}
