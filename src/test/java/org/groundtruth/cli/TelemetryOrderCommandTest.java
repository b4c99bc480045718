package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TelemetryOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telemetry EVIDENCE --order … --record}: the order of old DJI GPS(a,b) lines recorded for an SRT item in the
 * custody log — the same record the window's flight panel writes and reads — and applied when the item is read.
 */
class TelemetryOrderCommandTest {
    private static final Path SRT = Path.of("..", "shared", "data", "media", "dji-srt", "broken_incomplete.SRT");

    @TempDir
    Path tmp;

    @Test
    void anOrderRecordedFromTheCommandLineIsLoggedAndApplied() {
        Path ws = tmp.resolve("ws");
        String srtId;
        try (Investigation inv = Investigation.open(ws, new ContentInspector())) {
            srtId = inv.evidence().importFile(SRT, new ImportRequest(Optional.empty(), Optional.empty(),
                    Sensitivity.PUBLIC), "Олена", ProgressMonitor.NONE).item().id();
        }
        // automatic: Buenos Aires, decided by the settlements rule (longitude first)
        CliRun auto = CliRun.of("--workspace", ws.toString(), "telemetry", srtId, "--json");
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.err()).contains("read as lon-lat (settlements");
        assertThat(auto.json().get(0).get("lat").asDouble()).isCloseTo(-34.7383, within(1e-6));

        CliRun record = CliRun.of("--workspace", ws.toString(), "--analyst", "Петро", "telemetry", srtId, "--order",
                "lat-lon", "--record", "--reason", "Matrice 30 flight log says latitude first", "--json");
        assertThat(record.exitCode()).as(record.err()).isZero();
        assertThat(record.err()).contains("GPS order lat-lon recorded (custody entry", "override",
                "without the override: lon-lat (settlements)");
        assertThat(record.json().get(0).get("lat").asDouble()).isCloseTo(-58.4563, within(1e-6));

        // read again without --order: the recorded order applies, and says who recorded it
        CliRun again = CliRun.of("--workspace", ws.toString(), "telemetry", srtId, "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("GPS order lat-lon as recorded by Петро");
        assertThat(again.json().get(0).get("lat").asDouble()).isCloseTo(-58.4563, within(1e-6));
        try (Investigation inv = Investigation.open(ws, new ContentInspector())) {
            TelemetryOrders.Current current = inv.telemetryOrders().current(srtId);
            assertThat(current.choice()).isEqualTo(OrderChoice.LAT_LON);
            assertThat(current.entry().orElseThrow().reason()).isEqualTo("Matrice 30 flight log says latitude first");
        }
        // --order without --record reads once with it and records nothing
        CliRun once = CliRun.of("--workspace", ws.toString(), "telemetry", srtId, "--order", "auto", "--json");
        assertThat(once.json().get(0).get("lat").asDouble()).isCloseTo(-34.7383, within(1e-6));
        try (Investigation inv = Investigation.open(ws, new ContentInspector())) {
            assertThat(inv.telemetryOrders().current(srtId).choice()).isEqualTo(OrderChoice.LAT_LON);
        }
    }

    @Test
    void badOrderRequestsAreOneLineAndChangeNothing() {
        Path ws = tmp.resolve("ws");
        String photoId;
        long entries;
        try (Investigation inv = Investigation.open(ws, new ContentInspector())) {
            photoId = inv.evidence().importFile(Path.of("..", "shared", "data", "media", "jpg", "Apple iPhone 4.jpg"),
                    new ImportRequest(Optional.empty(), Optional.empty(), Sensitivity.PUBLIC), "Олена",
                    ProgressMonitor.NONE).item().id();
            entries = inv.custody().size();
        }
        CliRun photo = CliRun.of("--workspace", ws.toString(), "telemetry", photoId, "--order", "lat-lon", "--record");
        assertThat(photo.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(photo.err().strip().lines()).singleElement().asString().contains(photoId, "no SRT telemetry item");
        CliRun noOrder = CliRun.of("--workspace", ws.toString(), "telemetry", photoId, "--record");
        assertThat(noOrder.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noOrder.err()).contains("--record needs --order");
        CliRun file = CliRun.of("telemetry", SRT.toString(), "--order", "lat-lon", "--record");
        assertThat(file.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(file.err()).contains("needs the evidence id");
        CliRun unknown = CliRun.of("--workspace", ws.toString(), "telemetry", "ev-0000000000");
        assertThat(unknown.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unknown.err().strip().lines()).singleElement().asString().contains("ev-0000000000");
        try (Investigation inv = Investigation.open(ws, new ContentInspector())) {
            assertThat(inv.custody().size()).isEqualTo(entries);
        }
    }
}
