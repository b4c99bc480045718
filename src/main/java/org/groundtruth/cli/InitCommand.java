package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundtruth init}: creates the investigation folder, or checks an existing one (idempotent). */
@Command(name = "init", description = "Create the investigation (database and vault); harmless if it exists.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Result(String workspace, int schemaVersion, boolean created) {
    }

    @Override
    public Integer call() {
        GroundtruthCommand root = Workspace.root(spec);
        Path dir = Workspace.directory(root);
        boolean existed = Investigation.existsIn(dir);
        try (Investigation inv = Workspace.create(root)) {
            Result result = new Result(inv.directory().toString(), inv.schemaVersion(), !existed);
            if (json) {
                Output.json(spec, result);
            } else {
                Output.line(spec, (existed ? "Investigation already exists at " : "Created investigation at ")
                        + result.workspace() + " (schema version " + result.schemaVersion() + ")");
            }
        }
        return Cli.OK;
    }
}
