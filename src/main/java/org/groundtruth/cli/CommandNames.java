package org.groundtruth.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;

/** Which subcommand a command line asks for, read from the arguments before picocli builds any model. */
final class CommandNames {
    /** Root options that take a value: their value is not a command name. */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--workspace", "--analyst");

    private CommandNames() {
    }

    /** The first argument that is neither a root option nor its value. */
    static Optional<String> requested(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    /** {@code --version} (or {@code -V}) with no command: the root alone answers it. */
    static boolean onlyVersion(String... args) {
        List<String> all = List.of(args);
        return (all.contains("--version") || all.contains("-V")) && !all.contains("--help") && !all.contains("-h");
    }

    /** The subcommand class named {@code name} (or one of its aliases); reading annotations does not run it. */
    static Optional<Class<?>> find(String name) {
        if (name.equals("help")) {
            return Optional.empty(); // help on a command needs that command registered: all of them
        }
        for (Class<?> candidate : GroundtruthCommand.Subcommands.ALL) {
            Command command = candidate.getAnnotation(Command.class);
            if (command != null && (command.name().equals(name) || List.of(command.aliases()).contains(name))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
