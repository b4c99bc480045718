package org.groundtruth.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Times;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth source set EVIDENCE ...}: the source report of an evidence item (the window's Sources tab). */
@Command(name = "source", description = "Source reports of evidence items.", subcommands = SourceCommand.Set.class)
final class SourceCommand {

    @Command(name = "set", description = "Set or edit where an item was posted; unset options keep their value.")
    static final class Set implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "EVIDENCE") String evidenceId;
        @Option(names = "--platform", paramLabel = "NAME") String platform;
        @Option(names = "--account", paramLabel = "NAME") String account;
        @Option(names = "--url", paramLabel = "URL") String url;
        @Option(names = "--post-id", paramLabel = "ID") String postId;
        @Option(names = "--posted-at", paramLabel = "ISO-8601") String postedAt;
        @Option(names = "--caption", paramLabel = "TEXT") String caption;
        @Option(names = "--language", paramLabel = "CODE") String language;
        @Option(names = "--translation", paramLabel = "TEXT") String translation;
        @Option(names = "--reason", paramLabel = "TEXT") String reason = "";
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                EvidenceItem item = inv.evidence().find(evidenceId)
                        .orElseThrow(() -> new BadInputException("unknown evidence id: " + evidenceId));
                Optional<Source> current = item.sourceId().flatMap(inv.evidence()::source);
                Source base = current.orElseGet(() -> Source.of("", "", "", Optional.empty(), ""));
                Source edited = new Source(current.map(Source::id).orElseGet(() -> Ids.next(Source.ID_PREFIX)),
                        or(platform, base.platform()), or(account, base.account()), or(url, base.postUrl()),
                        or(postId, base.postId()), postedAt == null ? base.postedAt()
                                : Optional.of(Times.parseInstant(postedAt, "--posted-at")),
                        or(caption, base.caption()), or(language, base.language()), or(translation, base.translation()));
                Source saved = inv.evidence().saveSource(evidenceId, edited, Workspace.analyst(root), reason);
                if (json) {
                    Output.json(spec, saved);
                } else {
                    Output.line(spec, saved.id() + "  " + saved.platform() + "  " + saved.postUrl());
                }
            }
            return Cli.OK;
        }

        private static String or(String given, String current) {
            return given == null ? current : given;
        }
    }
}
