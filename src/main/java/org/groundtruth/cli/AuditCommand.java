package org.groundtruth.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.identity.SignatureCheck;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundtruth audit verify|log}: the custody log. */
@Command(name = "audit", description = "Check and read the custody log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class})
final class AuditCommand {

    @Command(name = "verify", description = "Recompute the hash chain; exit 1 naming the first entry that does not match.")
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record Result(boolean intact, long entries, Long firstBadSequence, String problem,
                Signatures signatures) {
        }

        /** The extra step of issue 17: every entry signature checked against the keys the investigation knows. */
        record Signatures(boolean valid, long signed, long unsigned, Long firstBadSequence, String problem) {
            static Signatures of(SignatureCheck s) {
                return new Signatures(s.isValid(), s.signed(), s.unsigned(), s.firstBadSequence().orElse(null), s.problem());
            }
        }

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                ChainCheck check = inv.custody().verify();
                SignatureCheck signatures = inv.team().verifySignatures();
                if (json) {
                    Output.json(spec, new Result(check.isIntact(), check.entriesChecked(),
                            check.firstBadSequence().orElse(null), check.problem(), Signatures.of(signatures)));
                } else if (check.isIntact()) {
                    Output.line(spec, "OK: custody log intact, " + check.entriesChecked() + " entries");
                } else {
                    Output.line(spec, "BROKEN: " + check.problem() + " (" + check.entriesChecked()
                            + " entries verified before it)");
                }
                if (!json) {
                    Output.line(spec, signatures.isValid()
                            ? "OK: " + signatures.signed() + " signatures valid, " + signatures.unsigned() + " entries unsigned"
                            : "BAD SIGNATURE: " + signatures.problem());
                }
                return check.isIntact() && signatures.isValid() ? Cli.OK : Cli.CHECK_FAILED;
            }
        }
    }

    @Command(name = "log", description = "Print custody-log entries, optionally for one entity.")
    static final class Log implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--entity", paramLabel = "ID", description = "Only entries about this id.") String entity;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                List<AuditEntry> entries = inv.custody().all().stream()
                        .filter(e -> entity == null || e.entityId().equals(entity)).toList();
                if (json) {
                    Output.json(spec, entries);
                } else {
                    entries.forEach(e -> Output.line(spec, String.format(Locale.ROOT, "%5d  %s  %-28s %-13s %-10s %s  %s",
                            e.sequence(), DateTimeFormatter.ISO_INSTANT.format(e.at()), e.actor(), e.action().code(),
                            e.entityType(), e.entityId(), e.reason())));
                }
            }
            return Cli.OK;
        }
    }
}
