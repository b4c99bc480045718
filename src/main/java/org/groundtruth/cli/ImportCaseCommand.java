package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.CaseImporter;
import org.groundtruth.store.casefile.CaseSignatureCheck;
import org.groundtruth.store.casefile.ZipLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth import-case case.zip}: verify, then merge incidents, pins, observations and evidence. */
@Command(name = "import-case", description = "Verify a case file, then merge its incidents, pins, observations and "
        + "evidence into the workspace. A case file that fails verification is refused (exit 1) unless --force; one"
        + " whose signer is not trusted (see signers) is refused (exit 1) unless --trust-once.")
final class ImportCaseCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CASE.zip", description = "The case file.")
    Path caseFile;

    @Option(names = "--force", description = "Import even if verification fails; the custody log records it.")
    boolean force;

    @Option(names = "--trust-once", description = "Import a file whose signer this investigation does not trust;"
            + " every incident arrives unverified and the custody log names the key.")
    boolean trustOnce;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Result(boolean forced, int incidentsCreated, int incidentsAlreadyPresent, int evidenceImported, int pins,
            int observations, int sources, int corroborations, int observationsSkipped, String signerFingerprint,
            boolean signerTrusted, String signerName, int statusesReset) {
    }

    @Override
    public Integer call() {
        GroundtruthCommand root = Workspace.root(spec);
        CaseSignatureCheck.Result entries = new CaseSignatureCheck().check(caseFile);
        if (!entries.isValid() && !force) {
            spec.commandLine().getErr().println("groundtruth: " + caseFile + ": the custody entry signatures do not"
                    + " verify; nothing imported (--force to import anyway)");
            entries.problems().forEach(p -> Output.line(spec, "  " + p));
            return Cli.CHECK_FAILED;
        }
        try (Investigation inv = Workspace.open(root)) {
            CaseImporter.Result r = new CaseImporter(inv, ZipLimits.DEFAULT).importCase(caseFile, force,
                    trustOnce, Workspace.analyst(root), ProgressMonitor.NONE);
            if (json) {
                Output.json(spec, new Result(r.forced() || !entries.isValid(), r.incidentsCreated(), r.incidentsAlreadyPresent(),
                        r.evidenceImported(), r.pins(), r.observations(), r.sources(), r.corroborations(),
                        r.skippedForMissingEvidence(),
                        r.check().signerFingerprint().orElse(null), r.signer().isPresent(),
                        r.signer().map(s -> s.name()).orElse(null), r.statusesReset()));
            } else {
                if (!entries.isValid()) {
                    Output.line(spec, "FORCED: imported despite " + entries.problems().size()
                            + " custody entry signature problems");
                }
                if (r.forced()) {
                    Output.line(spec, "FORCED: imported despite " + r.check().problems().size()
                            + " verification problems (recorded in the custody log)");
                }
                Output.line(spec, "Signer key " + r.check().signerFingerprint().orElse("none (no valid signature)")
                        + r.signer().map(s -> ": trusted" + (s.name().isEmpty() ? "" : " as " + s.name()))
                                .orElse(": NOT trusted, imported once; every incident arrives unverified"));
                if (r.statusesReset() > 0) {
                    Output.line(spec, r.statusesReset() + " incidents arrived as unverified instead of the status in the file");
                }
                Output.line(spec, "Imported " + r.incidentsCreated() + " incidents (" + r.incidentsAlreadyPresent()
                        + " already here), " + r.evidenceImported() + " evidence files, " + r.pins() + " pins, "
                        + r.observations() + " observations, " + r.sources() + " sources, " + r.corroborations()
                        + " corroborations from " + caseFile);
            }
            return Cli.OK;
        } catch (CaseImporter.RefusedException e) {
            spec.commandLine().getErr().println("groundtruth: " + caseFile + ": " + e.getMessage());
            for (CaseProblem problem : e.check().problems()) {
                Output.line(spec, "  " + problem);
            }
            return Cli.CHECK_FAILED;
        }
    }
}
