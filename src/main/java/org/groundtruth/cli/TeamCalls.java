package org.groundtruth.cli;

import org.groundtruth.store.TeamLocal;
import org.groundtruth.store.team.TeamRefusal;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a team command: a refusal by the server's rules or a detected fork is a failed check (exit 1). */
final class TeamCalls {
    @FunctionalInterface
    interface Body {
        int run();
    }

    private TeamCalls() {
    }

    static int run(CommandSpec spec, Body body) {
        try {
            return body.run();
        } catch (TeamRefusal | TeamLocal.ForkException e) {
            spec.commandLine().getErr().println("groundtruth: refused: " + e.getMessage());
            return Cli.CHECK_FAILED;
        }
    }
}
