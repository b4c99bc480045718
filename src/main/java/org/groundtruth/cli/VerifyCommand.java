package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.store.casefile.CaseSignatureCheck;
import org.groundtruth.store.casefile.CaseVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth verify case.zip}: hashes, signature and custody chain of a case file; needs no workspace. */
@Command(name = "verify", description = "Check a case file: every hash, the signature, the custody chain, and that "
        + "records.jsonl agrees with custody.jsonl. Prints the signer's key fingerprint first; exit 0 and OK when intact,"
        + " 1 listing each problem.")
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CASE.zip", description = "The case file.")
    Path caseFile;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Problem(String kind, String path, String detail) {
    }

    record Result(boolean intact, int files, long bytes, String signerFingerprint, String createdBy,
            String createdAt, List<Problem> problems, EntrySigners entrySigners) {
    }

    /** Who signed the custody entries (issue 17). */
    record EntrySigners(int signedEntries, int unsignedEntries, List<CaseSignatureCheck.Signer> signers) {
    }

    @Override
    public Integer call() {
        CaseCheck main = new CaseVerifier().verify(caseFile);
        CaseSignatureCheck.Result entries = new CaseSignatureCheck().check(caseFile);
        CaseCheck check = EntrySignersText.combined(main, entries);
        if (json) {
            Output.json(spec, new Result(check.isIntact(), check.filesChecked(), check.bytesChecked(),
                    check.signerFingerprint().orElse(null),
                    check.manifest().map(m -> m.createdBy()).orElse(null),
                    check.manifest().map(m -> m.createdAt().toString()).orElse(null),
                    check.problems().stream().map(p -> new Problem(p.kind().code(), p.path(), p.detail())).toList(),
                    new EntrySigners(entries.signedEntries(), entries.unsignedEntries(), entries.signers())));
        } else {
            // The key is what the signature proves; the name in the manifest is only what the file says.
            Output.line(spec, "Signer key " + check.signerFingerprint().orElse("none: no valid signature")
                    + (check.signerFingerprint().isPresent() ? " (compare it with the fingerprint the sender gave you"
                            + " by another channel)" : ""));
            String claim = check.manifest().map(m -> "; the manifest says it was made by \"" + m.createdBy() + "\" at "
                    + m.createdAt() + " (a claim: only the key is checked)").orElse("");
            if (check.isIntact()) {
                Output.line(spec, "OK: " + check.filesChecked() + " files, " + check.bytesChecked() + " bytes intact" + claim);
            } else {
                Output.line(spec, "FAILED: " + check.problems().size() + " problem(s) in " + caseFile + claim);
                for (CaseProblem problem : check.problems()) {
                    Output.line(spec, "  " + problem);
                }
            }
            EntrySignersText.print(spec, entries);
        }
        return check.isIntact() ? Cli.OK : Cli.CHECK_FAILED;
    }
}
