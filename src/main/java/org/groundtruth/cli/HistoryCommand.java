package org.groundtruth.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth history INCIDENT}: who changed what, when and why, from the custody log. */
@Command(name = "history", description = "Every change to an incident and its records, from the custody log.")
final class HistoryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "INCIDENT") String incidentId;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
        try (Investigation inv = Workspace.open(Workspace.root(spec))) {
            List<AuditEntry> entries = inv.workflow().history(incidentId);
            if (json) {
                Output.json(spec, entries);
            } else {
                entries.forEach(e -> Output.line(spec, String.format(Locale.ROOT, "%s  %-24s %-13s %-14s %s%s",
                        DateTimeFormatter.ISO_INSTANT.format(e.at()), e.actor(), e.action().code(), e.entityType(),
                        e.entityId(), e.reason().isBlank() ? "" : "  \u2014 " + e.reason())));
            }
        }
        return Cli.OK;
    }
}
