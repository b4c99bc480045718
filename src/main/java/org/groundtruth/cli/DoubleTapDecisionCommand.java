package org.groundtruth.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.analysis.DoubleTapDecision;
import org.groundtruth.core.analysis.DoubleTapParameters;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth double-taps confirm|dismiss FIRST SECOND [--reason TEXT] [--json]}. */
final class DoubleTapDecisionCommand {
    private DoubleTapDecisionCommand() {
    }

    abstract static class Decide implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FIRST", description = "The earlier strike (incident id).")
        String first;

        @Parameters(index = "1", paramLabel = "SECOND", description = "The suspected follow-up strike (incident id).")
        String second;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why (custody log).")
        String reason;

        @Option(names = "--json", description = "Print the decision as JSON.")
        boolean json;

        abstract DoubleTapVerdict verdict();

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                DoubleTapDecision d = inv.patterns().decide(first, second, verdict(), Workspace.analyst(root), reason);
                if (json) {
                    Output.json(spec, d);
                } else {
                    Output.line(spec, String.format(Locale.ROOT, "%s: %s follows %s (%.1f m, %s later)%s",
                            verdict() == DoubleTapVerdict.CONFIRMED ? "Confirmed" : "Dismissed", d.second(), d.first(),
                            d.distanceMeters(), DoubleTapParameters.formatDuration(Duration.ofSeconds(d.gapSeconds())),
                            verdict() == DoubleTapVerdict.CONFIRMED ? "; its strike sequence is follow_up" : ""));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "confirm", description = "Confirm that SECOND is a follow-up strike on FIRST (sets its strike"
            + " sequence to follow_up).")
    static final class Confirm extends Decide {
        @Override
        DoubleTapVerdict verdict() {
            return DoubleTapVerdict.CONFIRMED;
        }
    }

    @Command(name = "dismiss", description = "Dismiss the suspicion that SECOND is a follow-up strike on FIRST.")
    static final class Dismiss extends Decide {
        @Override
        DoubleTapVerdict verdict() {
            return DoubleTapVerdict.DISMISSED;
        }
    }
}
