package org.groundtruth.store;

import java.util.Arrays;
import org.groundtruth.cli.Cli;

/**
 * A child process for concurrency tests: {@code RepeatCli N ARGS...} runs the command line N times in one JVM, each
 * run opening and closing the investigation as a separate {@code groundtruth} invocation would ({@code {i}} in an
 * argument becomes the run's number). Exits with the first non-zero code.
 */
public final class RepeatCli {
    private RepeatCli() {
    }

    public static void main(String[] args) {
        int times = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        for (int i = 1; i <= times; i++) {
            String run = String.valueOf(i);
            int code = Cli.run(Arrays.stream(command).map(a -> a.replace("{i}", run)).toArray(String[]::new));
            if (code != 0) {
                System.err.println("run " + i + " of " + times + " exited " + code);
                System.exit(code);
            }
        }
        System.exit(0);
    }
}
