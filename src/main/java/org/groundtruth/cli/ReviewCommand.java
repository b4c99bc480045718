package org.groundtruth.cli;

import java.util.concurrent.Callable;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth review approve|reject INCIDENT --rationale TEXT}: the second analyst's decision. */
@Command(name = "review", description = "Approve or reject an incident proposed for review (a second analyst).",
        subcommands = {ReviewCommand.Approve.class, ReviewCommand.Reject.class})
final class ReviewCommand {

    abstract static class Decision implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "INCIDENT") String incidentId;
        @Option(names = "--rationale", required = true, paramLabel = "TEXT") String rationale;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        abstract Incident decide(Investigation inv, String reviewer);

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                Incident decided = decide(inv, Workspace.analyst(root));
                if (json) {
                    Output.json(spec, decided);
                } else {
                    Output.line(spec, decided.id() + " is now " + Options.kebab(decided.status()));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "approve", description = "Approve: the incident becomes verified.")
    static final class Approve extends Decision {
        @Override
        Incident decide(Investigation inv, String reviewer) {
            return inv.workflow().approve(incidentId, reviewer, rationale);
        }
    }

    @Command(name = "reject", description = "Reject: the incident goes back to in-progress with the reason.")
    static final class Reject extends Decision {
        @Override
        Incident decide(Investigation inv, String reviewer) {
            return inv.workflow().reject(incidentId, reviewer, rationale);
        }
    }
}
