package org.groundtruth.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the command line. Exit codes: 0 ok, 1 a check failed, 2 bad usage or bad input, 3 I/O failure. Every
 * error is one line on stderr naming the input at fault.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int IO_FAILURE = 3;

    private Cli() {
    }

    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command line, every subcommand registered (help, tests). */
    public static CommandLine commandLine() {
        return withSubcommands(GroundtruthCommand.Subcommands.ALL);
    }

    /**
     * The command line for these arguments: only the subcommand they name is registered, so a start reads the
     * model of one command, not of thirty; {@code --version} none at all. Anything else (no command, help, a
     * mistyped name) gets every subcommand, for picocli's usage text and suggestions.
     */
    public static CommandLine commandLine(String... args) {
        Optional<String> name = CommandNames.requested(args);
        if (name.isEmpty() && CommandNames.onlyVersion(args)) {
            return withSubcommands(List.of());
        }
        return name.flatMap(CommandNames::find).map(c -> withSubcommands(List.of(c)))
                .orElseGet(Cli::commandLine);
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new GroundtruthCommand());
        for (Class<?> subcommand : subcommands) {
            cli.addSubcommand(new CommandLine(subcommand));
        }
        CommandTree.prepare(cli);
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler(Cli::handle);
        cli.setExecutionStrategy(Cli::executeWithinMemory);
        cli.setParameterExceptionHandler((e, a) -> {
            if (CommandTree.isParentWithoutSubcommand(e)) {
                e.getCommandLine().usage(e.getCommandLine().getOut());
                e.getCommandLine().getOut().flush();
                return OK;
            }
            e.getCommandLine().getErr().println("groundtruth: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        });
        return cli;
    }

    /**
     * Runs the command; running out of heap is reported in one line (which command, the heap limit, what to do)
     * instead of a stack trace. The failed command's objects are unreachable by then, so printing works.
     */
    private static int executeWithinMemory(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            CommandLine.ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            CommandLine command = last.commandSpec().commandLine();
            log().error("out of memory", e);
            command.getErr().println("groundtruth: " + command.getCommandSpec().qualifiedName().replace("groundtruth ", "")
                    + " ran out of memory (Java heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB); run it with a larger -Xmx or on less data");
            command.getErr().flush();
            return IO_FAILURE;
        }
    }

    /** Logback is configured on first use: not on every start, only when there is something to log. */
    private static Logger log() {
        return LoggerFactory.getLogger(Cli.class);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof org.groundtruth.core.CheckFailedException) {
            err.println("groundtruth: " + e.getMessage());
            return CHECK_FAILED;
        }
        if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
            err.println("groundtruth: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        if (e instanceof StoreException || e instanceof UncheckedIOException || e instanceof java.io.IOException) {
            log().warn("I/O failure", e);
            err.println("groundtruth: " + oneLine(e.getMessage()));
            return IO_FAILURE;
        }
        log().error("unexpected failure", e);
        err.println("groundtruth: " + cli.getCommandName() + " failed unexpectedly (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + "); details are in the log");
        return IO_FAILURE;
    }

    /**
     * The first line of a message, at most 500 characters: errors are one line on stderr whatever a library put
     * in its message (parser locations, stack-trace-like detail).
     */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
