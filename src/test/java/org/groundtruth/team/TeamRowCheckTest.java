package org.groundtruth.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.audit.StateCheck;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.team.TeamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row check covers records shared with the team (decision 1710): on a laptop that pulled another analyst's
 * approval, the incident and review rows agree with the replay of its own log and the pulled entries; the same rows
 * edited around the program (sqlite3) are named — a forged status, a forged approval, an added link. Needs
 * {@code GROUNDTRUTH_TEST_PG} (skipped without it).
 */
class TeamRowCheckTest {
    @TempDir
    Path tmp;
    private TestServer server;
    private Laptop olena;
    private Laptop petro;
    private Incident incident;
    private EvidenceItem photo;

    @BeforeEach
    void team() throws Exception {
        server = TestServer.create();
        olena = new Laptop(server, tmp.resolve("olena"), server.name("Олена"), "analyst");
        petro = new Laptop(server, tmp.resolve("petro"), server.name("Petro"), "reviewer");
        olena.join("Рядки");
        try (TeamClient c = olena.client()) {
            c.invite("Рядки", petro.analyst);
        }
        petro.join("Рядки");

        Investigation o = olena.inv;
        incident = o.incidents().create(Incident.titled("Швидка в Херсоні").toBuilder()
                .location(Optional.of(new LatLon(46.6425, 32.6250))).build(), olena.analyst, "нове");
        byte[] bytes = "rescue photo for the row check".getBytes(StandardCharsets.UTF_8);
        photo = o.evidence().importContent(new java.io.ByteArrayInputStream(bytes), bytes.length, "фото.jpg",
                new ImportRequest(Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC), olena.analyst,
                ProgressMonitor.NONE).item();
        GeolocationPin pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incident.id(),
                new LatLon(46.6425, 32.6250), 10, Optional.empty(), "Дах", List.of(), "Sentinel-2", Optional.empty(),
                olena.analyst, false, Instant.parse("2025-07-04T08:00:00Z"));
        o.verification().addPin(pin, olena.analyst, "");
        o.verification().acceptPin(pin.id(), olena.analyst, "");
        o.verification().addObservation(new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX), incident.id(),
                photo.id(), Optional.empty(), Optional.empty(), new NormalizedBox(0, 0, 1, 1),
                InsigniaType.RESCUE_LETTERING, "", Confidence.HIGH, "", olena.analyst, Instant.now()), olena.analyst, "");
        o.workflow().setStatus(incident.id(), VerificationStatus.READY_FOR_REVIEW, "готово", olena.analyst);
        olena.sync();
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

    private static void agrees(Laptop l) {
        StateCheck rows = l.inv.custody().verifyRows();
        assertThat(rows.agreesWithLog()).as(l.analyst + ": " + rows.problem()).isTrue();
    }

    private static void sql(Laptop l, String statement, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + l.workspace.resolve(Investigation.DATABASE_FILE))) {
            org.groundtruth.store.TestInvestigations.registerFunctions(c);
            PreparedStatement st = c.prepareStatement(statement);
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aPulledApprovalPassesAndTheSharedRowsEditedAroundTheProgramAreNamed() throws SQLException {
        petro.sync();
        agrees(petro);
        petro.inv.workflow().approve(incident.id(), petro.analyst, "перевірив");
        petro.sync();
        olena.sync();
        assertThat(olena.inv.incidents().get(incident.id()).status()).isEqualTo(VerificationStatus.VERIFIED);
        // Olena's own log never says "verified": the pulled, signed approval does; the replay accepts it.
        agrees(olena);
        agrees(petro);

        // The title of the shared incident edited with sqlite3 on Olena's laptop is named.
        sql(olena, "UPDATE incident SET title = 'Підроблено' WHERE id = ?", incident.id());
        StateCheck edited = olena.inv.custody().verifyRows();
        assertThat(edited.agreesWithLog()).isFalse();
        assertThat(edited.entityId()).contains(incident.id());
        assertThat(edited.problem()).contains("title is \"Підроблено\" in the database")
                .contains("merged with").contains("pulled team entries");
        sql(olena, "UPDATE incident SET title = ? WHERE id = ?", incident.title(), incident.id());
        agrees(olena);

        // A second, forged approval row for the shared incident: no entry here or from the team makes it.
        String forgedId = Ids.next(org.groundtruth.core.verify.Review.ID_PREFIX);
        sql(olena, "INSERT INTO review (id, incident_id, proposer, reviewer, decision, rationale, at)"
                + " VALUES (?, ?, ?, ?, 'approved', 'підробка', '2025-07-05T10:00:00Z')", forgedId, incident.id(),
                olena.analyst, petro.analyst);
        StateCheck forged = olena.inv.custody().verifyRows();
        assertThat(forged.agreesWithLog()).isFalse();
        assertThat(forged.entityId()).as(forged.problem()).contains(forgedId);
        assertThat(forged.problem()).contains("is in the database but");
    }

    @Test
    void aForgedVerifiedStatusOnASharedIncidentIsNamed() throws Exception {
        petro.sync();
        agrees(petro);
        // On Petro's laptop the incident came from the team only; nobody approved it. Marking it verified with
        // sqlite3 is not what replaying Olena's signed entries gives.
        sql(petro, "UPDATE incident SET status = 'verified' WHERE id = ?", incident.id());
        StateCheck forged = petro.inv.custody().verifyRows();
        assertThat(forged.agreesWithLog()).isFalse();
        assertThat(forged.entityId()).contains(incident.id());
        assertThat(forged.problem()).contains("status is \"verified\" in the database");

        sql(petro, "UPDATE incident SET status = 'ready_for_review' WHERE id = ?", incident.id());
        agrees(petro);
        // A link the team never made, added to the shared incident.
        Investigation p = petro.inv;
        byte[] bytes = "another photo, Petro's own".getBytes(StandardCharsets.UTF_8);
        EvidenceItem other = p.evidence().importContent(new java.io.ByteArrayInputStream(bytes), bytes.length,
                "інше.jpg", new ImportRequest(Optional.empty(), Optional.empty(), Sensitivity.PUBLIC), petro.analyst,
                ProgressMonitor.NONE).item();
        agrees(petro);
        sql(petro, "INSERT INTO incident_evidence (incident_id, evidence_id) VALUES (?, ?)", incident.id(), other.id());
        StateCheck linked = petro.inv.custody().verifyRows();
        assertThat(linked.agreesWithLog()).isFalse();
        assertThat(linked.problem()).contains("is in the database but no custody entry made it");
    }
}
