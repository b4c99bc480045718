package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Walks every registered command and subcommand: {@code ... --help} prints that command's usage and exits 0. */
class HelpForEveryCommandTest {

    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(Cli.commandLine(), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        for (var entry : command.getSubcommands().entrySet()) {
            CommandLine sub = entry.getValue();
            if (!entry.getKey().equals(sub.getCommandName()) || entry.getKey().equals("help")) {
                continue; // an alias, or picocli's own help command
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(entry.getKey());
            paths.add(subPath);
            walk(sub, subPath, paths);
        }
    }

    @Test
    void theWalkFindsTheCommandsAndTheirSubcommands() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).contains(List.of("incident"), List.of("incident", "add"), List.of("pin", "add"),
                List.of("audit", "verify"), List.of("export"));
        assertThat(paths.size()).isGreaterThan(40);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsItsUsageForHelpAndExitsZero() {
        return commandPaths().stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path) + " --help", () -> {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).as("usage of " + path).contains("Usage: groundtruth " + String.join(" ", path));
            assertThat(run.err()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyParentCommandWithoutASubcommandListsItsSubcommands() {
        return commandPaths().stream().filter(path -> !subcommandsOf(path).isEmpty())
                .map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
                    CliRun run = CliRun.of(path.toArray(String[]::new));
                    if (isRunnable(path)) {
                        return; // a command that does something itself without a subcommand (e.g. double-taps)
                    }
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(run.out()).contains(subcommandsOf(path));
                }));
    }

    private static CommandLine find(List<String> path) {
        CommandLine c = Cli.commandLine();
        for (String name : path) {
            c = c.getSubcommands().get(name);
        }
        return c;
    }

    private static List<String> subcommandsOf(List<String> path) {
        return new ArrayList<>(find(path).getSubcommands().keySet());
    }

    private static boolean isRunnable(List<String> path) {
        Object command = find(path).getCommand();
        return command instanceof Runnable || command instanceof java.util.concurrent.Callable;
    }
}
