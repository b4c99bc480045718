package org.groundtruth.store.team;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.Sha256;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Json;
import org.groundtruth.store.StoreException;
import org.groundtruth.store.TeamLocal;

/**
 * One sync of a laptop's investigation with its team project: refresh the team's keys, push this device's new
 * signed entries (evidence originals first, resumably), then pull and apply everyone else's. Each step commits
 * on its own, so a sync interrupted anywhere and repeated loses nothing and duplicates nothing: the server
 * skips entries it holds (same device, sequence and hash) and the laptop pulls from where its last applied
 * batch ended. docs/decisions/1703-sync-model.md.
 */
public final class TeamSync {
    private static final int PUSH_BATCH = 200;
    private static final int PULL_BATCH = 500;

    /** What one sync did. */
    public record Result(String project, String deviceId, int pushed, int pulled, int appliedToData, int conflicts,
            int openConflicts, int blobsUploaded, long bytesUploaded, int blobsDownloaded) {
    }

    private final Investigation inv;
    private final TeamClient client;
    private final ProgressMonitor progress;

    public TeamSync(Investigation inv, TeamClient client, ProgressMonitor progress) {
        this.inv = inv;
        this.client = client;
        this.progress = progress;
    }

    /** Links the investigation to {@code project} (creating or joining it on the server). */
    public static TeamLocal.Link join(Investigation inv, TeamClient client, String project, String analyst) {
        EntrySigner signer = requireSigner(inv, analyst);
        long pid = client.join(project);
        List<TeamLocal.KnownKey> keys = client.memberKeys(pid);
        boolean registered = keys.stream().anyMatch(k -> k.key().fingerprint().equals(signer.identity().fingerprint()));
        if (!registered) {
            throw new BadInputException("the key of " + analyst + " on this machine (" + signer.identity().fingerprint()
                    .substring(0, 16) + "…) is not the key the server has for " + analyst);
        }
        inv.team().rememberKeys(keys);
        return inv.team().link(client.url().display(), project, org.groundtruth.core.Ids.next("dev"));
    }

    public Result run(String analyst) {
        TeamLocal.Link link = inv.team().link().orElseThrow(() -> new BadInputException(
                "investigation " + inv.directory() + " is not linked to a team project: run team join first"));
        EntrySigner signer = requireSigner(inv, analyst);
        long pid = client.projectId(link.project()).orElseThrow(() -> new TeamRefusal("project " + link.project()
                + " is not visible to " + analyst + ": not a member", "42501"));
        inv.team().rememberKeys(client.memberKeys(pid));
        Map<String, AnalystKey> keys = new HashMap<>();
        inv.team().knownKeys().forEach(k -> keys.put(k.key().fingerprint(), k.key()));

        int[] blobs = new int[2];
        long[] bytes = new long[1];
        int pushed = push(pid, link, signer, blobs, bytes);
        int pulled = 0;
        int applied = 0;
        int conflicts = 0;
        long through = link.pulledThrough();
        long serverHead = client.pending(pid, through, link.deviceId()).projectHead();
        while (true) {
            checkCancelled();
            List<SignedEntry> batch = client.pull(pid, through, PULL_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            List<SignedEntry> others = new ArrayList<>();
            for (SignedEntry s : batch) {
                if (!s.deviceId().equals(link.deviceId())) {
                    check(s, keys);
                    others.add(s);
                }
            }
            blobs[1] += download(pid, others);
            through = batch.get(batch.size() - 1).projectSeq();
            TeamLocal.Applied result = inv.team().applyPulled(others, through);
            pulled += result.stored();
            applied += result.appliedToData();
            conflicts += result.conflicts();
            progress.progress(through, Math.max(through, serverHead));
        }
        return new Result(link.project(), link.deviceId(), pushed, pulled, applied, conflicts,
                inv.team().conflicts(false).size(), blobs[0], bytes[0], blobs[1]);
    }

    private int push(long pid, TeamLocal.Link link, EntrySigner signer, int[] blobs, long[] bytes) {
        TeamClient.DeviceHead head = client.deviceHead(pid, link.deviceId());
        long localHead = inv.team().ownHead();
        if (head.sequence() > localHead) {
            throw new TeamLocal.ForkException("fork: the server holds " + head.sequence() + " entries of device "
                    + link.deviceId() + " but this investigation has " + localHead + " (restored from an older copy?)");
        }
        if (head.sequence() > 0) {
            String mine = inv.team().ownEntriesAfter(head.sequence() - 1, 1).get(0).entry().hash();
            if (!mine.equals(head.hash())) {
                throw new TeamLocal.ForkException("fork: entry " + head.sequence() + " of device " + link.deviceId()
                        + " differs from the server's copy: this investigation's history was rewritten");
            }
        }
        int pushed = 0;
        long after = head.sequence();
        while (true) {
            checkCancelled();
            List<TeamLocal.OwnEntry> batch = inv.team().ownEntriesAfter(after, PUSH_BATCH);
            if (batch.isEmpty()) {
                PushMark.write(inv.directory(), link.deviceId(), after);
                return pushed;
            }
            for (TeamLocal.OwnEntry o : batch) {
                AuditEntry e = o.entry();
                if (o.signature().isEmpty()
                        || !o.signature().get().keyFingerprint().equals(signer.identity().fingerprint())) {
                    throw new BadInputException("entry " + e.sequence() + " by " + e.actor() + " is not signed with the"
                            + " key of " + signer.identity().name() + ": the server accepts only your own signed entries");
                }
                if (e.entityType().equals("evidence") && e.action() == AuditAction.IMPORT) {
                    Sha256 sha = sha256Of(e);
                    if (upload(pid, sha, bytes)) {
                        blobs[0]++;
                    }
                }
            }
            pushed += client.push(pid, link.deviceId(), batch);
            after = batch.get(batch.size() - 1).entry().sequence();
            progress.progress(after, inv.team().ownHead());
        }
    }

    /** Uploads a vault original unless the server has it complete; returns true when something was sent. */
    private boolean upload(long pid, Sha256 sha, long[] bytes) {
        if (client.blobComplete(pid, sha.hex())) {
            return false;
        }
        Path file = inv.vault().pathOf(sha);
        try {
            long size = Files.size(file);
            Set<Integer> have = client.startBlob(pid, sha.hex(), size);
            byte[] chunk = new byte[TeamClient.CHUNK_BYTES];
            try (InputStream in = Files.newInputStream(file)) {
                int index = 0;
                int n;
                while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0 || index == 0) {
                    checkCancelled();
                    if (!have.contains(index)) {
                        client.uploadChunk(pid, sha.hex(), index, chunk, Math.max(n, 0));
                        bytes[0] += Math.max(n, 0);
                    }
                    index++;
                    if (n <= 0) {
                        break;
                    }
                }
            }
            if (!client.completeBlob(pid, sha.hex())) {
                throw new StoreException("the server's copy of " + sha.hex() + " does not hash to its name", null);
            }
            return true;
        } catch (IOException e) {
            throw new StoreException("cannot read the original " + file + ": " + e.getMessage(), e);
        }
    }

    private int download(long pid, List<SignedEntry> entries) {
        int fetched = 0;
        for (SignedEntry s : entries) {
            AuditEntry e = s.entry();
            if (!e.entityType().equals("evidence") || e.action() != AuditAction.IMPORT) {
                continue;
            }
            Sha256 sha = sha256Of(e);
            if (inv.vault().contains(sha)) {
                continue;
            }
            if (!client.blobComplete(pid, sha.hex())) {
                throw new StoreException("the server lacks the original " + sha.hex() + " of device " + s.deviceId()
                        + " entry " + e.sequence(), null);
            }
            Path temp = null;
            try {
                temp = Files.createTempFile(inv.directory(), ".pull-", ".part");
                try (OutputStream out = Files.newOutputStream(temp)) {
                    client.download(pid, sha.hex(), out);
                }
                try (InputStream in = Files.newInputStream(temp)) {
                    var stored = inv.vault().store(in, Files.size(temp), progress);
                    if (!stored.sha256().equals(sha)) {
                        throw new StoreException("the server sent " + stored.sha256().hex() + " for " + sha.hex(), null);
                    }
                }
                fetched++;
            } catch (IOException e2) {
                throw new StoreException("cannot store the original " + sha.hex() + ": " + e2.getMessage(), e2);
            } finally {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // a leftover .part file is harmless
                    }
                }
            }
        }
        return fetched;
    }

    /** A pulled entry must match its hash and carry a valid signature by a member's key. */
    private static void check(SignedEntry s, Map<String, AnalystKey> keys) {
        AuditEntry e = s.entry();
        if (!e.expectedHash().equals(e.hash())) {
            throw new TeamLocal.ForkException("device " + s.deviceId() + " entry " + e.sequence()
                    + " on the server was altered (its content does not match its hash)");
        }
        AnalystKey key = keys.get(s.signature().keyFingerprint());
        if (key == null || !s.signatureValid(key)) {
            throw new TeamLocal.ForkException("device " + s.deviceId() + " entry " + e.sequence()
                    + " carries no valid signature by a member's key");
        }
    }

    private static Sha256 sha256Of(AuditEntry e) {
        try {
            JsonNode after = Json.mapper().readTree(e.after());
            JsonNode sha = after.path("sha256");
            return new Sha256(sha.isObject() ? sha.path("hex").asText() : sha.asText());
        } catch (IOException | IllegalArgumentException ex) {
            throw new StoreException("entry " + e.sequence() + " names no readable SHA-256: " + ex.getMessage(), ex);
        }
    }

    static EntrySigner requireSigner(Investigation inv, String analyst) {
        Optional<EntrySigner> signer = inv.team().signer().filter(s -> s.signsFor(analyst));
        return signer.orElseThrow(() -> new BadInputException("this machine holds no private key for analyst " + analyst
                + ": create it with keys create and have it registered (team analyst add)"));
    }

    private void checkCancelled() {
        if (progress.isCancelled()) {
            throw new CancellationException("sync cancelled");
        }
    }
}
