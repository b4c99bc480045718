package org.groundtruth.cli;

import java.util.concurrent.Callable;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.demo.DemoInvestigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code groundtruth demo}: fills an empty investigation with the synthetic demo incidents. */
@Command(name = "demo", description = "Fill an empty investigation with the synthetic demo (10 incidents, June-August 2025).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Investigation inv = Workspace.open(Workspace.root(spec))) {
            long before = inv.counts().incidents();
            if (before > 0) {
                throw new org.groundtruth.core.BadInputException("the investigation at " + inv.directory()
                        + " already holds " + before + " incidents; the demo goes only into an empty one");
            }
            DemoInvestigation.populateIfEmpty(inv);
            Output.line(spec, "Demo investigation ready at " + inv.directory() + ": " + inv.counts().incidents()
                    + " synthetic incidents");
        }
        return Cli.OK;
    }
}
