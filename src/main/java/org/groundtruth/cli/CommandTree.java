package org.groundtruth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Gives every command of the tree what the root has: {@code --help} (usage, exit 0) on every command and
 * subcommand, and a parent command run without a subcommand ({@code groundtruth incident}) prints its usage,
 * which lists the subcommands. Done over the whole tree when the command line is built, so a command added
 * later gets it without remembering to.
 */
final class CommandTree {
    private CommandTree() {
    }

    static void prepare(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (!spec.mixinStandardHelpOptions() && spec.optionsMap().get("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        for (var entry : command.getSubcommands().entrySet()) {
            if (entry.getKey().equals(entry.getValue().getCommandName())) {
                prepare(entry.getValue());
            }
        }
    }

    /**
     * A parent command given no subcommand ({@code groundtruth incident}): picocli reports "Missing required
     * subcommand"; the user is shown the usage instead, which lists the subcommands.
     */
    static boolean isParentWithoutSubcommand(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        Object user = command.getCommand();
        return !command.getSubcommands().isEmpty() && !(user instanceof Runnable) && !(user instanceof Callable)
                && e.getMessage() != null && e.getMessage().startsWith("Missing required subcommand");
    }
}
