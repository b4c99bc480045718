package org.groundtruth.core.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.audit.AuditEntry;

/**
 * Checks the custody extract of a case file one line at a time. The extract holds only the entries about the
 * exported items, so it is a subsequence of the workspace's chain: every full entry must hash to its stated
 * hash from its stated predecessor, sequences must increase, and where two entries are consecutive in the
 * workspace the second must name the first's hash. Redacted entries (public versions) carry no content, so
 * only their links are checked.
 */
public final class CustodyChainChecker {
    /** More problems than this are summarised: a broken file would otherwise list every line. */
    private static final int MAX_PROBLEMS = 20;

    private final List<String> problems = new ArrayList<>();
    private long entries;
    private long previousSequence;
    private String previousHash = "";
    private long suppressed;

    /** One full entry, in file order. */
    public void accept(AuditEntry entry) {
        if (!entry.expectedHash().equals(entry.hash())) {
            problem("entry " + entry.sequence() + " was altered (its content does not match its hash)");
        }
        link(entry.sequence(), entry.previousHash(), entry.hash());
    }

    /** One redacted entry: sequence and hashes only. */
    public void acceptRedacted(long sequence, String previous, String hash) {
        link(sequence, previous, hash);
    }

    /** A line that is not an entry at all. */
    public void unreadable(long lineNumber, String why) {
        problem("line " + lineNumber + " is not a custody entry: " + why);
    }

    private void link(long sequence, String previous, String hash) {
        entries++;
        if (sequence <= previousSequence) {
            problem("entry " + sequence + " follows entry " + previousSequence + " (out of order)");
        } else if (sequence == previousSequence + 1 && previousSequence > 0 && !previous.equals(previousHash)) {
            problem("entry " + sequence + " does not follow entry " + previousSequence + " (previous hash differs)");
        }
        previousSequence = Math.max(previousSequence, sequence);
        previousHash = hash;
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else {
            suppressed++;
        }
    }

    public long entries() {
        return entries;
    }

    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (suppressed > 0) {
            all.add("and " + suppressed + " more custody problems");
        }
        return all;
    }

    public Optional<String> firstProblem() {
        return problems.stream().findFirst();
    }
}
