package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.CheckFailedException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.audit.StateCheck;
import org.groundtruth.core.audit.VaultCheck;
import org.groundtruth.core.evidence.EvidenceItem;

/**
 * Everything {@code audit verify} checks, for the command line and the window alike: the custody chain, every
 * audited row against the log's last state of its entity and, on request, every vault file re-hashed against
 * the SHA-256 its evidence item records. Export calls {@link #requireIntact} first, so a signed case file is
 * never made from data the log does not vouch for.
 */
public final class IntegrityCheck {
    /** The command that shows what is wrong; named in every refusal. */
    public static final String COMMAND = "groundtruth audit verify";
    private static final int BUFFER = 1 << 20;

    private IntegrityCheck() {
    }

    /** The outcome; {@code vault} is empty when the vault was not re-hashed. */
    public record Report(ChainCheck chain, StateCheck rows, Optional<VaultCheck> vault) {
        public boolean isIntact() {
            return chain.isIntact() && rows.agreesWithLog() && vault.map(VaultCheck::isIntact).orElse(true);
        }

        /** One line naming the first problem (chain, then rows, then vault), or "" when intact. */
        public String firstProblem() {
            if (!chain.isIntact()) {
                return "custody log: " + chain.problem();
            }
            if (!rows.agreesWithLog()) {
                return rows.problem();
            }
            return vault.map(VaultCheck::firstProblem).orElse("");
        }
    }

    public static Report check(Investigation investigation, boolean rehashVault, ProgressMonitor progress) {
        ChainCheck chain = investigation.custody().verify();
        StateCheck rows = investigation.custody().verifyRows();
        Optional<VaultCheck> vault = rehashVault
                ? Optional.of(vault(investigation.evidence().all(), investigation.vault(), progress)) : Optional.empty();
        return new Report(chain, rows, vault);
    }

    /** The investigation does not verify; {@link #problem()} is the first problem, the message one line for the CLI. */
    public static final class NotIntactException extends CheckFailedException {
        private final String problem;

        NotIntactException(String action, String problem) {
            super(action + " refused: the investigation does not verify (" + problem + "); run `" + COMMAND
                    + "` to see the problem");
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }

    /** @throws NotIntactException naming the first problem and {@link #COMMAND} when the chain or the rows do not verify */
    public static void requireIntact(Investigation investigation, String action) {
        Report report = check(investigation, false, ProgressMonitor.NONE);
        if (!report.isIntact()) {
            throw new NotIntactException(action, report.firstProblem());
        }
    }

    /** Re-hashes the original of every evidence item; progress in bytes over the items' recorded sizes. */
    static VaultCheck vault(List<EvidenceItem> items, EvidenceVault vault, ProgressMonitor progress) {
        long total = items.stream().mapToLong(EvidenceItem::sizeBytes).sum();
        long done = 0;
        long files = 0;
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        byte[] buffer = new byte[BUFFER];
        progress.progress(0, total);
        for (EvidenceItem item : items) {
            Path file = vault.pathOf(item.sha256());
            String name = item.id() + " (" + item.originalName() + ", " + item.sha256().hex() + ")";
            MessageDigest sha = sha256();
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    size += n;
                    done += n;
                    progress.progress(Math.min(done, total), total);
                    if (progress.isCancelled()) {
                        throw new CancellationException("vault check cancelled");
                    }
                }
            } catch (NoSuchFileException e) {
                missing.add(name);
                continue;
            } catch (IOException e) {
                missing.add(name + ": unreadable: " + e.getMessage());
                continue;
            }
            files++;
            if (size != item.sizeBytes() || !HexFormat.of().formatHex(sha.digest()).equals(item.sha256().hex())) {
                changed.add(name);
            }
        }
        progress.progress(total, total);
        return new VaultCheck(files, done, missing, changed);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
