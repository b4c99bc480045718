package org.groundtruth.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.analysis.CountRow;
import org.groundtruth.core.analysis.CountTable;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.MonthCount;
import org.groundtruth.core.analysis.MonthlySeries;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth stats --by month|admin1|target-type|strike-type [filters] [--json]}: incident counts. With
 * {@code --json}, {@code [{"count", "key"}]} (month keys {@code YYYY-MM}; months without incidents between the first
 * and the last are listed with 0); incidents without a key (no time, no region) are left out and reported in
 * the human output.
 */
@Command(name = "stats", description = "Count incidents per month, admin-1 region, target type or strike type.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--by", paramLabel = "DIMENSION", defaultValue = "month",
            description = "month, admin1, target-type, strike-type or status (default ${DEFAULT-VALUE}).")
    String by;

    @Mixin
    PatternFilterOptions filterOptions;

    @Option(names = "--json", description = "Print one JSON document: [{\"key\", \"count\"}].")
    boolean json;

    @Override
    public Integer call() {
        StatsDimension dimension = StatsDimension.parse(by, "--by");
        IncidentFilter filter = filterOptions.toFilter();
        try (Investigation inv = Workspace.open(Workspace.root(spec))) {
            if (dimension == StatsDimension.MONTH) {
                MonthlySeries series = inv.patterns().monthly(filter, Optional.empty());
                if (json) {
                    Output.json(spec, series.months().stream().map(m -> new CountRow(m.key(), m.total())).toList());
                } else {
                    printMonths(series);
                }
            } else {
                CountTable table = inv.patterns().count(filter, dimension);
                if (json) {
                    Output.json(spec, table.rows());
                } else {
                    printTable(table);
                }
            }
        }
        return Cli.OK;
    }

    private void printMonths(MonthlySeries series) {
        Output.line(spec, "Incidents per month (UTC) \u2014 " + series.filter().describe());
        for (MonthCount m : series.months()) {
            Output.line(spec, String.format(Locale.ROOT, "%-8s %6d   %s", m.key(), m.total(),
                    m.change().map(c -> c.text() + " vs previous month").orElse("")).stripTrailing());
        }
        Output.line(spec, series.total() + " counted" + (series.withoutTime() > 0
                ? "; " + series.withoutTime() + " without a time not counted" : ""));
    }

    private void printTable(CountTable table) {
        Output.line(spec, "Incidents per " + table.by().option() + " \u2014 " + table.filter().describe());
        int width = table.rows().stream().mapToInt(r -> r.key().length()).max().orElse(0);
        for (CountRow row : table.rows()) {
            Output.line(spec, String.format(Locale.ROOT, "%-" + Math.max(width, 1) + "s %6d", row.key(), row.count()));
        }
        String missing = table.by() == StatsDimension.ADMIN1 ? "without a region" : "without a value";
        Output.line(spec, table.counted() + " counted" + (table.skipped() > 0
                ? "; " + table.skipped() + " " + missing + " not counted" : ""));
    }
}
