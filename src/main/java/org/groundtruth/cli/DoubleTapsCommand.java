package org.groundtruth.cli;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.analysis.DoubleTapDecision;
import org.groundtruth.core.analysis.DoubleTapPair;
import org.groundtruth.core.analysis.DoubleTapParameters;
import org.groundtruth.core.analysis.DoubleTapReport;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth double-taps [--radius METRES] [--window DURATION] [filters] [--json]}: suspected follow-up
 * strikes, one per follow-up with the closest earlier strike; {@code double-taps confirm|dismiss FIRST SECOND}
 * records the analyst's decision.
 */
@Command(name = "double-taps", description = "Find suspected double taps: a strike within a radius and a time window"
        + " after an earlier one.", subcommands = {DoubleTapDecisionCommand.Confirm.class, DoubleTapDecisionCommand.Dismiss.class})
final class DoubleTapsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--radius", paramLabel = "METRES", defaultValue = "500",
            description = "Largest distance to the earlier strike, metres (default ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "3h",
            description = "Longest time after the earlier strike, e.g. 3h, 90m, 1h30m (default ${DEFAULT-VALUE}).")
    String window;

    @Mixin
    PatternFilterOptions filterOptions;

    @Option(names = "--json", description = "Print one JSON document: [{\"first\", \"second\", \"distanceMeters\","
            + " \"gapSeconds\"}].")
    boolean json;

    /** One line of the JSON output, distance rounded to the centimetre. */
    record PairJson(String first, String second, double distanceMeters, long gapSeconds) {
    }

    @Override
    public Integer call() {
        if (!Double.isFinite(radius) || radius < 0) {
            throw new BadInputException("--radius must be a distance of 0 metres or more, was " + radius);
        }
        Duration duration = DoubleTapParameters.parseDuration(window, "--window");
        DoubleTapParameters parameters = new DoubleTapParameters(radius, duration);
        try (Investigation inv = Workspace.open(Workspace.root(spec))) {
            DoubleTapReport report = inv.patterns().doubleTaps(filterOptions.toFilter(), parameters, ProgressMonitor.NONE);
            if (json) {
                Output.json(spec, report.pairs().stream().map(p -> new PairJson(p.first(), p.second(),
                        Math.round(p.distanceMeters() * 100) / 100.0, p.gapSeconds())).toList());
            } else {
                print(inv, report);
            }
        }
        return Cli.OK;
    }

    private void print(Investigation inv, DoubleTapReport report) {
        DoubleTapParameters p = report.parameters();
        Output.line(spec, String.format(Locale.ROOT, "Suspected double taps within %s m and %s \u2014 %s",
                new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(p.radiusMeters()), DoubleTapParameters.formatDuration(p.window()),
                filterOptions.toFilter().describe()));
        Set<String> ids = new HashSet<>();
        report.pairs().forEach(pair -> ids.addAll(List.of(pair.first(), pair.second())));
        Map<String, Incident> incidents = inv.patterns().incidents(ids);
        Map<String, DoubleTapVerdict> verdicts = inv.patterns().decisions().stream()
                .collect(Collectors.toMap(DoubleTapDecision::pairKey, DoubleTapDecision::verdict));
        Map<String, Integer> groups = report.groupNumbers();
        for (DoubleTapPair pair : report.pairs()) {
            int group = groups.get(pair.second());
            String verdict = verdicts.containsKey(DoubleTapDecision.pairKey(pair.first(), pair.second()))
                    ? verdicts.get(DoubleTapDecision.pairKey(pair.first(), pair.second())).code() : "not decided";
            Output.line(spec, String.format(Locale.ROOT, "group %d  %s → %s  %8.1f m  %8s  [%s]  %s → %s", group,
                    pair.first(), pair.second(), pair.distanceMeters(),
                    DoubleTapParameters.formatDuration(Duration.ofSeconds(pair.gapSeconds())), verdict,
                    describe(incidents.get(pair.first())), describe(incidents.get(pair.second()))));
        }
        long chains = report.groups().stream().filter(g -> g.isChain()).count();
        Output.line(spec, report.pairs().size() + " suspected follow-up strike(s) in " + report.groups().size()
                + " group(s)" + (chains > 0 ? " (" + chains + " chain(s) of 3 or more)" : "") + " among "
                + report.considered() + " strike(s) with place and time; " + report.skipped() + " incident(s) skipped ("
                + report.withoutLocation() + " without location, " + report.withoutTime() + " without time)");
    }

    private static String describe(Incident incident) {
        if (incident == null) {
            return "?";
        }
        return incident.occurredAt().map(TIME::format).orElse("") + " " + (incident.placeName().isBlank()
                ? incident.title() : incident.placeName());
    }
}
