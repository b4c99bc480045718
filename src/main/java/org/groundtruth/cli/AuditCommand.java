package org.groundtruth.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.audit.StateCheck;
import org.groundtruth.core.audit.VaultCheck;
import org.groundtruth.store.IntegrityCheck;
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

    @Command(name = "verify", description = "Recompute the hash chain and compare every audited row with the log's"
            + " last state of its entity; exit 1 naming the first entry or entity that does not match.")
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--vault", description = "Also re-hash every vault file (progress on stderr).") boolean vault;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record VaultResult(boolean intact, long files, long bytes, List<String> missing, List<String> changed) {
        }

        record Result(boolean intact, long entries, Long firstBadSequence, String problem, boolean chainIntact,
                boolean rowsIntact, long entitiesChecked, String firstBadEntityType, String firstBadEntity,
                VaultResult vault, Signatures signatures) {
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
                IntegrityCheck.Report report = IntegrityCheck.check(inv, vault,
                        vault ? new StderrProgress(spec.commandLine().getErr(), "re-hashing the vault") : ProgressMonitor.NONE);
                ChainCheck chain = report.chain();
                StateCheck rows = report.rows();
                SignatureCheck signatures = inv.team().verifySignatures();
                boolean intact = report.isIntact() && signatures.isValid();
                if (json) {
                    Output.json(spec, new Result(intact, chain.entriesChecked(),
                            chain.firstBadSequence().orElse(null),
                            report.isIntact() ? (signatures.isValid() ? null : signatures.problem()) : report.firstProblem(),
                            chain.isIntact(), rows.agreesWithLog(), rows.entitiesChecked(), rows.entityType().orElse(null),
                            rows.entityId().orElse(null), report.vault().map(v -> new VaultResult(v.isIntact(),
                                    v.filesChecked(), v.bytesChecked(), v.missing(), v.changed())).orElse(null),
                            Signatures.of(signatures)));
                } else if (report.isIntact()) {
                    Output.line(spec, "OK: custody log intact, " + chain.entriesChecked() + " entries; "
                            + rows.entitiesChecked() + " records agree with it"
                            + report.vault().map(v -> "; " + v.filesChecked() + " vault files re-hashed").orElse(""));
                } else if (!chain.isIntact()) {
                    Output.line(spec, "BROKEN: " + chain.problem() + " (" + chain.entriesChecked()
                            + " entries verified before it)");
                } else if (!rows.agreesWithLog()) {
                    Output.line(spec, "BROKEN: " + rows.problem() + " (the data was changed around Groundtruth)");
                } else {
                    VaultCheck v = report.vault().orElseThrow();
                    Output.line(spec, "BROKEN: " + v.missing().size() + " vault files missing, " + v.changed().size()
                            + " changed");
                    v.missing().forEach(m -> Output.line(spec, "  missing: " + m));
                    v.changed().forEach(m -> Output.line(spec, "  changed: " + m));
                }
                if (!json) {
                    Output.line(spec, signatures.isValid()
                            ? "OK: " + signatures.signed() + " signatures valid, " + signatures.unsigned() + " entries unsigned"
                            : "BAD SIGNATURE: " + signatures.problem());
                }
                return intact ? Cli.OK : Cli.CHECK_FAILED;
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
