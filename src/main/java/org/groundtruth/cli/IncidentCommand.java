package org.groundtruth.cli;

import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.groundtruth.core.Coded;
import org.groundtruth.core.Times;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth incident add|list|show|edit|delete}. */
@Command(name = "incident", description = "Create, list, show, edit and delete incidents.",
        subcommands = {IncidentCommand.Add.class, IncidentCommand.ListAll.class, IncidentCommand.Show.class,
            IncidentCommand.Edit.class, IncidentCommand.Delete.class})
final class IncidentCommand {

    @Command(name = "add", description = "Create an incident.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin IncidentFieldOptions fields;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (custody log).") String reason = "";
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            if (fields.title == null) {
                throw new IllegalArgumentException("--title is required");
            }
            Incident incident = fields.applyTo(Incident.titled(fields.title));
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                inv.incidents().create(incident, Workspace.analyst(root), reason);
            }
            if (json) {
                Output.json(spec, incident);
            } else {
                Output.line(spec, incident.id() + "  " + incident.title());
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List incidents, newest first.")
    static final class ListAll implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--search", paramLabel = "WORDS", description = "Full-text search (all words, as prefixes).") String search;
        @Option(names = "--status", paramLabel = "S", split = ",", description = "Only these statuses.") List<String> statuses = List.of();
        @Option(names = "--from", paramLabel = "DATE") String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Before this date-time (a date means its start).") String to;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            IncidentQuery query = new IncidentQuery(Optional.ofNullable(search),
                    Set.copyOf(statuses.stream().map(s -> Coded.parse(VerificationStatus.class, s, "--status")).toList()),
                    Optional.ofNullable(from).map(f -> Times.parseInstant(f, "--from")),
                    Optional.ofNullable(to).map(t -> Times.parseInstant(t, "--to")));
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                List<Incident> incidents = inv.incidents().list(query);
                if (json) {
                    Output.json(spec, incidents);
                } else {
                    incidents.forEach(i -> Output.line(spec, String.format(Locale.ROOT, "%s  %-16s  %-17s  %s  (%s)",
                            i.id(), i.occurredAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse("time unknown")
                                    .replaceFirst(":\\d\\dZ$", "Z"), i.status().code(), i.title(), i.placeName())));
                    Output.line(spec, incidents.size() + " incident(s)");
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", description = "Show every field of an incident, with its evidence.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                Incident incident = inv.incidents().get(id);
                List<EvidenceItem> evidence = inv.evidence().forIncident(id);
                if (json) {
                    Map<String, Object> document = new LinkedHashMap<>(
                            Json.mapper().convertValue(incident, new TypeReference<Map<String, Object>>() { }));
                    document.put("evidence", evidence);
                    Output.json(spec, document);
                } else {
                    Output.line(spec, IncidentText.describe(incident, evidence));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "edit", description = "Change fields of an incident.")
    static final class Edit implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Mixin IncidentFieldOptions fields;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (custody log).") String reason = "";
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                Incident edited = fields.applyTo(inv.incidents().get(id));
                inv.incidents().update(edited, Workspace.analyst(root), reason);
                if (json) {
                    Output.json(spec, edited);
                } else {
                    Output.line(spec, "Saved " + edited.id() + "  " + edited.title());
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "delete", description = "Delete an incident (its evidence stays in the vault).")
    static final class Delete implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (custody log).") String reason;

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                inv.incidents().delete(id, Workspace.analyst(root), reason);
                Output.line(spec, "Deleted " + id);
            }
            return Cli.OK;
        }
    }
}
