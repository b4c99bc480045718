package org.groundtruth.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.AuditHashing;
import org.groundtruth.core.identity.EntrySignature;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Json;
import org.groundtruth.store.TeamLocal;
import org.groundtruth.store.team.ServerAudit;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamRefusal;
import org.groundtruth.store.team.TeamServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode against a real PostgreSQL/PostGIS server (skipped without {@code GROUNDTRUTH_TEST_PG}): sync is
 * idempotent and converges, conflicts are kept and resolved, the server enforces membership and the two-person
 * rule even for plain SQL, and forks are named.
 */
class TeamServerTest {
    @TempDir
    Path tmp;
    private TestServer server;
    private Laptop olena;
    private Laptop petro;

    @BeforeEach
    void team() throws SQLException {
        server = TestServer.create();
        olena = new Laptop(server, tmp.resolve("olena"), server.name("Олена"), "analyst");
        petro = new Laptop(server, tmp.resolve("petro"), server.name("Petro"), "reviewer");
        olena.join("Херсон");
        try (TeamClient c = olena.client()) {
            c.invite("Херсон", petro.analyst);
        }
        petro.join("Херсон");
    }

    @AfterEach
    void stop() throws SQLException {
        if (olena != null) {
            olena.close();
            petro.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void syncIsIdempotentAndBothLaptopsConverge() throws SQLException {
        Incident created = olena.inv.incidents().create(Incident.titled("Удар по пожежній машині"), olena.analyst, "нове");
        assertThat(olena.sync().pushed()).isEqualTo(1);
        assertThat(olena.sync().pushed()).isZero();
        assertThat(petro.sync().pulled()).isEqualTo(1);
        assertThat(petro.inv.incidents().get(created.id()).title()).isEqualTo("Удар по пожежній машині");
        assertThat(petro.sync().pulled()).isZero();

        // A push repeated after the server committed it (the client died before hearing back) adds nothing.
        try (TeamClient c = olena.client()) {
            long pid = c.projectId("Херсон").orElseThrow();
            TeamLocal.Link link = olena.inv.team().link().orElseThrow();
            assertThat(c.push(pid, link.deviceId(), olena.inv.team().ownEntriesAfter(0, 100))).isZero();
        }

        // Offline, both change the title; Petro also changes the place (no conflict there).
        olena.inv.incidents().update(created.toBuilder().title("Версія Олени").build(), olena.analyst, "уточнила");
        Incident petros = petro.inv.incidents().get(created.id());
        petro.inv.incidents().update(petros.toBuilder().title("Версія Петра").placeName("Херсон").build(),
                petro.analyst, "уточнив");
        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 1);
        List<FieldConflict> open = petro.inv.team().conflicts(false);
        assertThat(open).singleElement().satisfies(k -> {
            assertThat(k.field()).isEqualTo("title");
            assertThat(k.localValue()).isEqualTo("\"Версія Петра\"");
            assertThat(k.remoteValue()).isEqualTo("\"Версія Олени\"");
        });
        assertThat(petro.inv.incidents().get(created.id()).title()).isEqualTo("Версія Петра");

        petro.inv.team().resolve(open.get(0).id(), true, petro.analyst);
        petro.sync();
        olena.sync();
        Incident atOlena = olena.inv.incidents().get(created.id());
        Incident atPetro = petro.inv.incidents().get(created.id());
        assertThat(atOlena).isEqualTo(atPetro);
        assertThat(atOlena.title()).isEqualTo("Версія Олени");
        assertThat(atOlena.placeName()).isEqualTo("Херсон");
        assertThat(olena.inv.team().conflicts(false)).isEmpty();
        assertThat(petro.inv.team().conflicts(false)).isEmpty();

        for (Laptop l : List.of(olena, petro)) {
            assertThat(l.inv.custody().verify().isIntact()).isTrue();
            assertThat(l.inv.team().verifySignatures().isValid()).as(l.inv.team().verifySignatures().problem()).isTrue();
        }
        try (Connection c = server.adminConnection()) {
            List<ServerAudit.ProjectCheck> checks = ServerAudit.verify(server.url, c, Optional.of("Херсон"));
            assertThat(checks).singleElement().satisfies(k -> {
                assertThat(k.intact()).as(String.join("; ", k.problems())).isTrue();
                assertThat(k.devices()).isEqualTo(2);
                assertThat(k.entries()).isEqualTo(olena.inv.team().ownHead() + petro.inv.team().ownHead());
            });
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT title, ST_AsText(geom) FROM gt.incident")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Версія Олени");
            }
        }
    }

    @Test
    void theServerRefusesSelfApprovalEvenThroughPlainSql() throws SQLException {
        Incident incident = olena.inv.incidents().create(Incident.titled("Швидка допомога"), olena.analyst, "нове");
        olena.sync();
        String device = "dev-plainsqlx1";
        EntrySigner olenasKey = olena.inv.team().signer().orElseThrow();
        try (Connection sql = TeamServer.connect(server.url, olena.analyst, Optional.of(TestServer.password(olena.analyst)))) {
            long pid = projectId(sql);
            AuditEntry proposal = review(1, AuditHashing.GENESIS, olena.analyst, incident.id(), "proposed", null);
            insert(sql, pid, device, proposal, olenasKey.signEntry(proposal.hash()));

            // Her own approval, under another name and with her own key: refused by the server's trigger.
            AuditEntry self = review(2, proposal.hash(), petro.analyst, incident.id(), "approved", petro.analyst);
            assertThatThrownBy(() -> insert(sql, pid, device, self, olenasKey.signEntry(self.hash())))
                    .hasMessageContaining("two-person rule");
            // Claiming Petro's key does not help either: the server binds her login to her key.
            EntrySigner petrosKey = petro.inv.team().signer().orElseThrow();
            assertThatThrownBy(() -> insert(sql, pid, device, self, petrosKey.signEntry(self.hash())))
                    .hasMessageContaining("not by the key of");
            // Nor does marking the incident verified without an approval, or editing history.
            AuditEntry verified = new AuditEntry(2, Instant.now(), olena.analyst, AuditAction.STATUS_CHANGE, "incident",
                    incident.id(), Json.write(incident), Json.write(incident.toBuilder()
                    .status(org.groundtruth.core.verify.VerificationStatus.VERIFIED).build()), "x", proposal.hash(), "0".repeat(64));
            AuditEntry sealed = AuditEntry.seal(2, verified.at(), verified.actor(), verified.action(), verified.entityType(),
                    verified.entityId(), verified.before(), verified.after(), "x", proposal.hash());
            assertThatThrownBy(() -> insert(sql, pid, device, sealed, olenasKey.signEntry(sealed.hash())))
                    .hasMessageContaining("second analyst");
            try (Statement st = sql.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE gt.entry SET reason = 'edited'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM gt.entry"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        // Petro, a reviewer with his own key, may approve it.
        try (Connection sql = TeamServer.connect(server.url, petro.analyst, Optional.of(TestServer.password(petro.analyst)))) {
            AuditEntry approval = review(1, AuditHashing.GENESIS, petro.analyst, incident.id(), "approved", petro.analyst);
            insert(sql, projectId(sql), "dev-plainsqlx2", approval, petro.inv.team().signer().orElseThrow()
                    .signEntry(approval.hash()));
        }
    }

    @Test
    void anAnalystOutsideTheProjectCannotReadOrJoinIt() throws Exception {
        olena.inv.incidents().create(Incident.titled("Таємне"), olena.analyst, "нове");
        olena.sync();
        try (Laptop ivan = new Laptop(server, tmp.resolve("ivan"), server.name("Іван"), "editor")) {
            try (TeamClient c = ivan.client()) {
                assertThat(c.projectId("Херсон")).isEmpty();
            }
            try (Connection sql = TeamServer.connect(server.url, ivan.analyst, Optional.of(TestServer.password(ivan.analyst)));
                 Statement st = sql.createStatement()) {
                for (String table : List.of("gt.entry", "gt.project", "gt.incident", "gt.member", "gt.blob_chunk")) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
            assertThatThrownBy(() -> ivan.join("Херсон")).isInstanceOf(TeamRefusal.class)
                    .hasMessageContaining("not a member");
        }
    }

    @Test
    void aRewrittenHistoryIsDetectedAndNamed() throws Exception {
        olena.inv.incidents().create(Incident.titled("Перший"), olena.analyst, "нове");
        olena.sync();
        olena.close();
        Path copy = tmp.resolve("olena-copy");
        Files.createDirectories(copy);
        Files.copy(olena.workspace.resolve("investigation.db"), copy.resolve("investigation.db"));
        olena.open();
        olena.inv.incidents().create(Incident.titled("Другий"), olena.analyst, "нове");
        olena.sync();

        // An older copy of her investigation goes on with a different entry 2: a fork of her device's chain.
        var forked = org.groundtruth.store.TestInvestigations.open(copy);
        try (forked) {
            org.groundtruth.store.team.TeamIdentity.install(forked, olena.analyst, olena.ring);
            forked.incidents().create(Incident.titled("Інший другий"), olena.analyst, "нове");
            try (TeamClient c = olena.client()) {
                assertThatThrownBy(() -> new org.groundtruth.store.team.TeamSync(forked, c,
                        org.groundtruth.core.ProgressMonitor.NONE).run(olena.analyst))
                        .isInstanceOf(TeamLocal.ForkException.class)
                        .hasMessageContaining("entry 2 of device " + olena.inv.team().link().orElseThrow().deviceId());
            }
        }
        // An edit made on the server around its triggers is named by team audit verify.
        try (Connection c = server.adminConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE gt.entry DISABLE TRIGGER entry_append_only");
            st.execute("UPDATE gt.entry SET reason = 'переписано' WHERE project_seq = 1");
            List<ServerAudit.ProjectCheck> checks = ServerAudit.verify(server.url, c, Optional.of("Херсон"));
            assertThat(checks.get(0).intact()).isFalse();
            assertThat(checks.get(0).problems()).anyMatch(p -> p.startsWith("project entry 1 ") && p.contains("altered"));
        }
    }

    private static AuditEntry review(long seq, String previous, String actor, String incidentId, String decision,
            String reviewer) {
        String after = "{\"at\":\"" + Instant.now() + "\",\"decision\":\"" + decision + "\",\"id\":\"rev-0000000001\","
                + "\"incidentId\":\"" + incidentId + "\",\"proposer\":\"x\",\"rationale\":\"r\",\"reviewer\":"
                + (reviewer == null ? "null" : "\"" + reviewer + "\"") + "}";
        return AuditEntry.seal(seq, Instant.now(), actor, AuditAction.CREATE, "review", "rev-0000000001", "null", after,
                "r", previous);
    }

    private static long projectId(Connection sql) throws SQLException {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM gt.project")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection sql, long pid, String device, AuditEntry e, EntrySignature s) throws SQLException {
        try (PreparedStatement st = sql.prepareStatement("INSERT INTO gt.entry (project_id, device_id, sequence, at, actor,"
                + " action, entity_type, entity_id, before_json, after_json, reason, previous_hash, hash, key_fingerprint,"
                + " signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {pid, device, e.sequence(), e.at().toString(), e.actor(), e.action().code(), e.entityType(),
                e.entityId(), e.before(), e.after(), e.reason(), e.previousHash(), e.hash(), s.keyFingerprint(),
                s.signature()};
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }
}
