package org.groundtruth.store.team;

import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TeamLocal;

/**
 * Where a laptop stands with its team project (issue 17): the server and project, this device's entries waiting to
 * be pushed, other analysts' entries waiting to be pulled (known only when the server was reached), and open
 * conflicts. {@code serverReached} false means the counts to push come from the last sync's mark and nothing is
 * known about what waits on the server; {@code offlineReason} then says why.
 */
public record TeamStatus(boolean linked, String server, String project, String deviceId, long localEntries,
        long pendingPush, Optional<Long> pendingPull, int openConflicts, boolean serverReached,
        Optional<String> offlineReason) {

    /** What the investigation alone can tell (no connection). */
    public static TeamStatus local(Investigation inv) {
        Optional<TeamLocal.Link> link = inv.team().link();
        int conflicts = inv.team().conflicts(false).size();
        if (link.isEmpty()) {
            return new TeamStatus(false, "", "", "", inv.team().ownHead(), 0, Optional.empty(), conflicts, false,
                    Optional.empty());
        }
        TeamLocal.Link l = link.get();
        long head = inv.team().ownHead();
        long pushed = Math.min(head, PushMark.read(inv.directory(), l.deviceId()));
        return new TeamStatus(true, l.server(), l.project(), l.deviceId(), head, head - pushed, Optional.empty(),
                conflicts, false, Optional.empty());
    }

    /** Asks the server how far this device's entries got and how many of the others' wait to be pulled. */
    public static TeamStatus probe(Investigation inv, TeamClient client) {
        TeamStatus here = local(inv);
        if (!here.linked()) {
            return here;
        }
        TeamLocal.Link link = inv.team().link().orElseThrow();
        long pid = client.projectId(link.project()).orElseThrow(() -> new BadInputException("project "
                + link.project() + " is not visible on " + link.server() + ": not a member"));
        long onServer = client.deviceHead(pid, link.deviceId()).sequence();
        PushMark.write(inv.directory(), link.deviceId(), onServer);
        TeamClient.Pending pending = client.pending(pid, link.pulledThrough(), link.deviceId());
        return new TeamStatus(true, here.server(), here.project(), here.deviceId(), here.localEntries(),
                Math.max(0, here.localEntries() - onServer), Optional.of(pending.toPull()), here.openConflicts(), true,
                Optional.empty());
    }

    /** The local status, noting why the server could not be asked. */
    public TeamStatus offline(String reason) {
        return new TeamStatus(linked, server, project, deviceId, localEntries, pendingPush, Optional.empty(),
                openConflicts, false, Optional.of(reason));
    }
}
