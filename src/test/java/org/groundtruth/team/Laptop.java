package org.groundtruth.team;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TeamLocal;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamIdentity;
import org.groundtruth.store.team.TeamSync;

/** One analyst's machine in a test: their own key ring and investigation folder. */
final class Laptop implements AutoCloseable {
    final String analyst;
    final KeyRing ring;
    final Path workspace;
    final TestServer server;
    Investigation inv;

    Laptop(TestServer server, Path home, String analyst, String role) {
        this.server = server;
        this.analyst = analyst;
        this.ring = new KeyRing(home.resolve("keys"));
        this.workspace = home.resolve("investigation");
        server.register(ring, analyst, role);
        open();
    }

    void open() {
        inv = TestInvestigations.open(workspace);
        TeamIdentity.install(inv, analyst, ring);
    }

    TeamClient client() {
        return TeamClient.open(server.url, analyst, Optional.of(TestServer.password(analyst)));
    }

    TeamLocal.Link join(String project) {
        try (TeamClient client = client()) {
            return TeamSync.join(inv, client, project, analyst);
        }
    }

    TeamSync.Result sync() {
        try (TeamClient client = client()) {
            return new TeamSync(inv, client, ProgressMonitor.NONE).run(analyst);
        }
    }

    @Override
    public void close() {
        inv.close();
    }
}
