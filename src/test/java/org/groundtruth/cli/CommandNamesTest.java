package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line registers only the subcommand asked for, and still answers help, version and typos. */
class CommandNamesTest {
    @Test
    void theRequestedCommandIsFoundPastTheRootOptions() {
        assertThat(CommandNames.requested("--workspace", "/tmp/x", "--analyst", "Оля", "coords", "50 30")).contains("coords");
        assertThat(CommandNames.requested("--version")).isEmpty();
        assertThat(CommandNames.find("coords")).contains(CoordsCommand.class);
        assertThat(CommandNames.find("help")).isEmpty();
        assertThat(CommandNames.find("nosuch")).isEmpty();
    }

    @Test
    void onlyTheAskedCommandIsRegisteredAndEveryCommandIsReachable() {
        assertThat(Cli.commandLine("coords", "50.45 30.52").getSubcommands()).containsOnlyKeys("coords");
        assertThat(Cli.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Cli.commandLine("--help").getSubcommands()).hasSize(GroundtruthCommand.Subcommands.ALL.size());
        for (Class<?> command : GroundtruthCommand.Subcommands.ALL) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(Cli.commandLine(name).getSubcommands()).containsKey(name);
        }
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("Groundtruth ");
    }
}
