package org.groundtruth.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth insignia add|list|scan}: insignia seen in frames or photos. */
@Command(name = "insignia", description = "Insignia observations: add, list, scan.",
        subcommands = {InsigniaCommand.Add.class, InsigniaCommand.ListObservations.class, InsigniaScanCommand.class})
final class InsigniaCommand {

    @Command(name = "add", description = "Record insignia seen in a video frame or a photo.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "INCIDENT") String incidentId;
        @Option(names = "--evidence", required = true, paramLabel = "ID") String evidenceId;
        @Option(names = "--frame", paramLabel = "N", description = "Frame number (videos).") Long frame;
        @Option(names = "--box", required = true, paramLabel = "X,Y,W,H", description = "Box as fractions of the frame (0..1).") String box;
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "dsns-emblem, ambulance-markings, red-cross, red-crescent, rescue-lettering, municipal-rescue, police, military, none-visible, other") String type;
        @Option(names = "--other", paramLabel = "TEXT", description = "What it is, for --type other.") String other = "";
        @Option(names = "--confidence", paramLabel = "LEVEL", description = "low, medium, high (default medium).") String confidence = "medium";
        @Option(names = "--note", paramLabel = "TEXT") String note = "";
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            InsigniaType kind = Options.vocabulary(InsigniaType.class, type, "--type");
            Confidence level = Options.vocabulary(Confidence.class, confidence, "--confidence");
            var frameBox = Options.box(box, "--box");
            if (frame != null && frame < 0) {
                throw new BadInputException("--frame " + frame + " is negative");
            }
            GroundtruthCommand root = Workspace.root(spec);
            String analyst = Workspace.analyst(root);
            try (Investigation inv = Workspace.open(root)) {
                EvidenceItem item = inv.evidence().find(evidenceId)
                        .orElseThrow(() -> new BadInputException("unknown evidence id: " + evidenceId));
                Optional<Long> frameNumber = Optional.ofNullable(frame);
                Optional<Double> frameTime = frameNumber.flatMap(n -> item.media().framesPerSecond()
                        .filter(fps -> fps > 0).map(fps -> n / fps));
                InsigniaObservation observation = new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX),
                        incidentId, evidenceId, frameNumber, frameTime, frameBox, kind, other, level, note, analyst,
                        Instant.now());
                inv.verification().addObservation(observation, analyst, note);
                if (json) {
                    Output.json(spec, observation);
                } else {
                    Output.line(spec, observation.id() + "  " + Options.kebab(kind) + "  " + evidenceId
                            + frameNumber.map(n -> " frame " + n).orElse(""));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List an incident's insignia observations.")
    static final class ListObservations implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "INCIDENT") String incidentId;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                inv.incidents().get(incidentId);
                List<InsigniaObservation> found = inv.verification().observations(incidentId);
                if (json) {
                    Output.json(spec, found);
                } else {
                    found.forEach(o -> Output.line(spec, o.id() + "  " + Options.kebab(o.type()) + "  "
                            + Options.kebab(o.confidence()) + "  " + o.evidenceId()
                            + o.frameNumber().map(n -> " frame " + n).orElse("") + "  " + o.note()));
                }
            }
            return Cli.OK;
        }
    }
}
