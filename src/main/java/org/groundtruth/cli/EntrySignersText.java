package org.groundtruth.cli;

import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.store.casefile.CaseSignatureCheck;
import picocli.CommandLine.Model.CommandSpec;

/** The custody-entry signers of a case file, for {@code verify} and {@code import-case} (issue 17). */
final class EntrySignersText {
    private EntrySignersText() {
    }

    /** The case file's check with the entry-signature problems added. */
    static CaseCheck combined(CaseCheck main, CaseSignatureCheck.Result entries) {
        return CaseSignatureCheck.combined(main, entries);
    }

    static void print(CommandSpec spec, CaseSignatureCheck.Result entries) {
        if (!entries.hasSignatures()) {
            Output.line(spec, "Custody entries: " + entries.unsignedEntries() + ", none signed by an analyst key");
            return;
        }
        Output.line(spec, "Custody entries: " + entries.signedEntries() + " signed, " + entries.unsignedEntries()
                + " unsigned");
        for (CaseSignatureCheck.Signer s : entries.signers()) {
            Output.line(spec, "  " + (s.name().isBlank() ? "(name withheld)" : s.name())
                    + (s.role().isBlank() ? "" : " [" + s.role() + "]") + "  key " + s.fingerprint() + "  "
                    + s.entries() + " entries");
        }
    }
}
