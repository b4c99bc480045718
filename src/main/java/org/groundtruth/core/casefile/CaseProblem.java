package org.groundtruth.core.casefile;

import org.groundtruth.core.Coded;
import org.groundtruth.core.Require;

/** One thing wrong with a case file, naming the file at fault (or "" for the archive as a whole). */
public record CaseProblem(Kind kind, String path, String detail) {

    public enum Kind implements Coded {
        /** Not a readable ZIP, or an entry that cannot be read. */
        UNREADABLE,
        /** A name that could escape the extraction folder, a duplicate, or past the size and count bounds. */
        REFUSED,
        MISSING_MANIFEST, BAD_MANIFEST, MISSING, CHANGED, UNLISTED, BAD_SIGNATURE, BROKEN_CHAIN,
        /** A record in records.jsonl that the last custody state of its entity does not vouch for. */
        RECORD_MISMATCH
    }

    public CaseProblem {
        Require.present(kind, "problem kind");
        path = EntryNames.printable(Require.present(path, "path"));
        Require.nonBlank(detail, "detail", 10_000);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? kind.code() + ": " + detail : kind.code() + ": " + path + ": " + detail;
    }
}
