package org.groundtruth.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;
import org.groundtruth.cli.CliRun;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TelemetryOrders;
import org.groundtruth.store.team.TeamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPS(a,b) order recorded for an SRT item on one laptop ({@code telemetry EVIDENCE --order lon-lat --record})
 * is applied on the laptops that pull it — {@code telemetry EVIDENCE} there reads with it and names who set it —
 * and two analysts changing it offline is a {@code (telemetry_order ID)} conflict resolved like any record
 * conflict; {@code audit verify} passes on both laptops throughout, and a pulled order edited with sqlite3 is named.
 * Decision 1530. Needs {@code GROUNDTRUTH_TEST_PG} (skipped without it).
 */
class TeamTelemetryOrderTest {
    /** Old GPS(a,b) lines: automatic reads them longitude first (Buenos Aires, settlements rule). */
    private static final Path SRT = Path.of("..", "shared", "data", "media", "dji-srt", "broken_incomplete.SRT");
    private static final double LAT_WHEN_LON_FIRST = -34.7383;
    private static final double LAT_WHEN_LAT_FIRST = -58.4563;

    @TempDir
    Path tmp;
    private TestServer server;
    private Laptop olena;
    private Laptop petro;

    @BeforeEach
    void team() throws SQLException {
        server = TestServer.create();
        olena = new Laptop(server, tmp.resolve("olena"), server.name("Олена"), "analyst");
        petro = new Laptop(server, tmp.resolve("petro"), server.name("Petro"), "analyst");
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
    void anOrderRecordedOnOneLaptopIsAppliedOnTheOtherWithWhoSetIt() throws IOException {
        String srtId = olena.inv.evidence().importFile(SRT, new ImportRequest(Optional.empty(), Optional.empty(),
                Sensitivity.PUBLIC), olena.analyst, ProgressMonitor.NONE).item().id();
        CliRun recorded = cli(olena, "telemetry", srtId, "--order", "lon-lat", "--record", "--reason",
                "Mavic 2 SRT: longitude first", "--json");
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(recorded.err()).contains("GPS order lon-lat recorded (custody entry");
        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 0);

        // Petro never chose: the pulled choice is his current one, named as Olena's
        TelemetryOrders.Current there = petro.inv.telemetryOrders().current(srtId);
        assertThat(there.choice()).isEqualTo(OrderChoice.LON_LAT);
        assertThat(there.entry().orElseThrow().actor()).isEqualTo(olena.analyst);
        assertThat(there.entry().get().reason()).isEqualTo("Mavic 2 SRT: longitude first");
        assertThat(there.pulledFrom()).isPresent();
        CliRun read = cli(petro, "telemetry", srtId, "--json");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.err()).contains("GPS order lon-lat as recorded by " + olena.analyst,
                "pulled from the team: device " + there.pulledFrom().get());
        assertThat(read.json().get(0).get("lat").asDouble()).isCloseTo(LAT_WHEN_LON_FIRST, within(1e-6));
        CliRun audit = cli(petro, "audit", "verify");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        verified(olena, petro);

        // Olena changes her mind: Petro's track follows (latitude first), still named as hers
        cli(olena, "telemetry", srtId, "--order", "lat-lon", "--record");
        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 0);
        CliRun again = cli(petro, "telemetry", srtId, "--json");
        assertThat(again.err()).contains("GPS order lat-lon as recorded by " + olena.analyst);
        assertThat(again.json().get(0).get("lat").asDouble()).isCloseTo(LAT_WHEN_LAT_FIRST, within(1e-6));

        // Petro's own change goes back to Olena the same way
        CliRun his = cli(petro, "telemetry", srtId, "--order", "auto", "--record");
        assertThat(his.exitCode()).as(his.err()).isZero();
        petro.sync();
        TeamSyncResultAssert.conflicts(olena.sync(), 0);
        assertThat(olena.inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.AUTO);
        assertThat(olena.inv.telemetryOrders().current(srtId).entry().orElseThrow().actor()).isEqualTo(petro.analyst);
        verified(olena, petro);

        // a pulled order edited around the program is named by audit verify
        sql(petro, "UPDATE team_entry SET after_json = replace(after_json, 'lat-lon', 'lon-lat')"
                + " WHERE entity_type = 'telemetry_order' AND after_json LIKE '%lat-lon%'");
        CliRun tampered = cli(petro, "audit", "verify");
        assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(1);
    }

    @Test
    void changingTheOrderOnBothLaptopsOfflineIsAConflictResolvedLikeOtherRecords() {
        String srtId = olena.inv.evidence().importFile(SRT, new ImportRequest(Optional.empty(), Optional.empty(),
                Sensitivity.PUBLIC), olena.analyst, ProgressMonitor.NONE).item().id();
        olena.inv.telemetryOrders().set(srtId, OrderChoice.LON_LAT, "", olena.analyst);
        olena.sync();
        petro.sync();
        // both change it offline, from the same lon-lat
        olena.inv.telemetryOrders().set(srtId, OrderChoice.LAT_LON, "M30: latitude first", olena.analyst);
        petro.inv.telemetryOrders().set(srtId, OrderChoice.AUTO, "let the reasoning decide", petro.analyst);
        petro.sync();
        TeamSyncResultAssert.conflicts(olena.sync(), 1);
        TeamSyncResultAssert.conflicts(petro.sync(), 1);
        // each keeps their own choice until resolved
        assertThat(olena.inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.LAT_LON);
        assertThat(petro.inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.AUTO);
        FieldConflict k = petro.inv.team().conflicts(false).get(0);
        assertThat(k.field()).isEqualTo("(" + TelemetryOrders.ENTITY + " " + srtId + ")");
        assertThat(k.localValue()).contains("\"order\":\"auto\"");
        assertThat(k.remoteValue()).contains("\"order\":\"lat-lon\"");
        assertThat(k.remoteActor()).isEqualTo(olena.analyst);
        verified(olena, petro);

        // Petro keeps Olena's: both laptops end with lat-lon and no open conflict
        petro.inv.team().resolve(k.id(), true, petro.analyst);
        assertThat(petro.inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.LAT_LON);
        petro.sync();
        TeamSyncResultAssert.conflicts(olena.sync(), 0);
        assertThat(olena.inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.LAT_LON);
        assertThat(olena.inv.team().conflicts(false)).isEmpty();
        assertThat(petro.inv.team().conflicts(false)).isEmpty();
        // a later change on either side applies on the other again
        olena.inv.telemetryOrders().set(srtId, OrderChoice.LON_LAT, "", olena.analyst);
        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 0);
        assertThat(petro.inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.LON_LAT);
        verified(olena, petro);
    }

    /**
     * Runs the command line on a laptop's investigation as that analyst, with their key ring as the user's (so
     * what it records is signed, as on their machine). The laptop's investigation is closed meanwhile.
     */
    private CliRun cli(Laptop l, String... args) throws IOException {
        Path config = tmp.resolve("config-" + Math.abs(l.analyst.hashCode()));
        Path keys = config.resolve("analysts");
        Files.createDirectories(keys);
        try (Stream<Path> files = Files.list(l.ring.directory())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, keys.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String before = System.getProperty("groundtruth.config.dir");
        l.inv.close();
        System.setProperty("groundtruth.config.dir", config.toString());
        try {
            String[] all = Stream.concat(Stream.of("--workspace", l.workspace.toString(), "--analyst", l.analyst),
                    Stream.of(args)).toArray(String[]::new);
            return CliRun.of(all);
        } finally {
            if (before == null) {
                System.clearProperty("groundtruth.config.dir");
            } else {
                System.setProperty("groundtruth.config.dir", before);
            }
            l.open();
        }
    }

    private static void sql(Laptop l, String statement) {
        l.inv.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + l.workspace.resolve(Investigation.DATABASE_FILE))) {
            org.groundtruth.store.TestInvestigations.registerFunctions(c);
            try (PreparedStatement st = c.prepareStatement(statement)) {
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            l.open();
        }
    }

    private static void verified(Laptop... laptops) {
        for (Laptop l : laptops) {
            assertThat(l.inv.custody().verify().isIntact()).as(l.analyst).isTrue();
            var rows = l.inv.custody().verifyRows();
            assertThat(rows.agreesWithLog()).as(l.analyst + ": " + rows.problem()).isTrue();
            var check = l.inv.team().verifySignatures();
            assertThat(check.isValid()).as(l.analyst + ": " + check.problem()).isTrue();
        }
    }
}
