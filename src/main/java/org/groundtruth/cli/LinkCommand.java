package org.groundtruth.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.groundtruth.core.Ids;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth link add|list}: corroboration between two evidence items. */
@Command(name = "link", description = "Corroborations between evidence items: add, list.",
        subcommands = {LinkCommand.Add.class, LinkCommand.ListLinks.class})
final class LinkCommand {

    @Command(name = "add", description = "Link two evidence items (e.g. the attacker's video and the rescue service's photo).")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "EVIDENCE_A") String a;
        @Parameters(index = "1", paramLabel = "EVIDENCE_B") String b;
        @Option(names = "--relation", required = true, paramLabel = "RELATION",
                description = "same-vehicle, same-location, same-event, contradicts") String relation;
        @Option(names = "--note", paramLabel = "TEXT") String note = "";
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            CorroborationRelation kind = Options.vocabulary(CorroborationRelation.class, relation, "--relation");
            GroundtruthCommand root = Workspace.root(spec);
            String analyst = Workspace.analyst(root);
            Corroboration link = new Corroboration(Ids.next(Corroboration.ID_PREFIX), a, b, kind, note, analyst,
                    Instant.now());
            try (Investigation inv = Workspace.open(root)) {
                inv.verification().addCorroboration(link, analyst, note);
            }
            if (json) {
                Output.json(spec, link);
            } else {
                Output.line(spec, link.id() + "  " + a + " " + Options.kebab(kind) + " " + b);
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List the corroborations of an evidence item.")
    static final class ListLinks implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "EVIDENCE") String evidenceId;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                List<Corroboration> links = inv.verification().corroborations(evidenceId);
                if (json) {
                    Output.json(spec, links);
                } else {
                    links.forEach(l -> Output.line(spec, l.id() + "  " + l.evidenceA() + " " + Options.kebab(l.relation())
                            + " " + l.evidenceB() + "  " + l.note()));
                }
            }
            return Cli.OK;
        }
    }
}
