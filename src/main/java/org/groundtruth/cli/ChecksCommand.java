package org.groundtruth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.core.checks.RedFlag;
import org.groundtruth.core.checks.RedFlagKind;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth checks INCIDENT [--json]}: red flags where the evidence's metadata contradicts the incident's
 * claimed place and time ({@code [{"kind", "evidence", "detail", "distanceMeters"?, "differenceSeconds"?,
 * "blocking", "explanation"?}]}); exit 1 when a flag that blocks verification is unexplained.
 * {@code checks explain INCIDENT KIND EVIDENCE --rationale TEXT} records why a flag does not disprove the claim.
 */
@Command(name = "checks", description = "Red flags: evidence metadata that contradicts an incident's claimed place and time.",
        subcommands = ChecksCommand.Explain.class)
final class ChecksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // optional for picocli so that "checks explain ..." parses; required below when no subcommand runs
    @Parameters(paramLabel = "INCIDENT", arity = "0..1", description = "Incident id.")
    String incidentId;

    @Option(names = "--json", description = "Print one JSON array.")
    boolean json;

    @Override
    public Integer call() {
        if (incidentId == null || incidentId.isBlank()) {
            throw new BadInputException("checks: give an incident id (checks INCIDENT, or checks explain INCIDENT KIND EVIDENCE)");
        }
        GroundtruthCommand root = Workspace.root(spec);
        List<CheckedFlag> flags;
        try (Investigation inv = Workspace.open(root)) {
            flags = inv.checks().check(incidentId);
        }
        if (json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            flags.forEach(f -> array.add(node(f)));
            Output.json(spec, array);
        } else if (flags.isEmpty()) {
            Output.line(spec, incidentId + ": no red flags");
        } else {
            for (CheckedFlag f : flags) {
                Output.line(spec, String.format(Locale.ROOT, "%-22s %-14s %s", f.flag().kind().kebab(),
                        f.flag().evidenceId(), f.flag().detail()));
                f.explanation().ifPresentOrElse(
                        e -> Output.line(spec, "    explained by " + e.analyst() + " (" + e.explainedAt() + "): "
                                + e.rationale()),
                        () -> Output.line(spec, f.flag().kind().blocking() ? "    unexplained" : "    (information)"));
            }
        }
        return flags.stream().anyMatch(CheckedFlag::blocksVerification) ? Cli.CHECK_FAILED : Cli.OK;
    }

    static ObjectNode node(CheckedFlag checked) {
        RedFlag f = checked.flag();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", f.kind().kebab());
        o.put("evidence", f.evidenceId());
        o.put("detail", f.detail());
        f.distanceMeters().ifPresent(d -> o.put("distanceMeters", d));
        f.differenceSeconds().ifPresent(d -> o.put("differenceSeconds", d));
        o.put("blocking", checked.blocksVerification());
        checked.explanation().ifPresent(e -> o.putObject("explanation").put("rationale", e.rationale())
                .put("analyst", e.analyst()).put("explainedAt", e.explainedAt().toString()));
        return o;
    }

    @Command(name = "explain", description = "Explain a red flag (logged); it stays listed with the explanation.")
    static final class Explain implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "INCIDENT") String incidentId;
        @Parameters(index = "1", paramLabel = "KIND", description = "location-mismatch, time-mismatch, posted-before-capture,"
                + " night-at-claimed-time, metadata-conflict, duplicate-elsewhere, metadata-stripped") String kind;
        @Parameters(index = "2", paramLabel = "EVIDENCE") String evidenceId;
        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why the flag does not disprove the claim.") String rationale;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            RedFlagKind k;
            try {
                k = org.groundtruth.core.Coded.parse(RedFlagKind.class, kind, "kind");
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage().replace('_', '-'), e);
            }
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                CheckedFlag explained = inv.checks().explain(incidentId, k, evidenceId, rationale, Workspace.analyst(root));
                if (json) {
                    Output.json(spec, node(explained));
                } else {
                    Output.line(spec, k.kebab() + " " + evidenceId + " explained");
                }
            }
            return Cli.OK;
        }
    }
}
