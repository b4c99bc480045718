package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The investigator's GPS(a,b) order per SRT item: kept in the custody log, one entry per change, after reopening. */
class TelemetryOrdersTest {
    @TempDir
    Path tmp;

    private static EvidenceItem imported(Investigation inv, Path file) {
        return inv.evidence().importFile(file, new ImportRequest(Optional.empty(), Optional.empty(), Sensitivity.PUBLIC),
                "Олена", ProgressMonitor.NONE).item();
    }

    @Test
    void eachChangeIsOneCustodyEntryAndTheChoiceSurvivesReopening() {
        Path ws = tmp.resolve("ws");
        String srtId;
        long entriesBefore;
        try (Investigation inv = TestInvestigations.open(ws)) {
            EvidenceItem srt = imported(inv, SharedMedia.file("dji-srt/broken_incomplete.SRT"));
            srtId = srt.id();
            TelemetryOrders orders = inv.telemetryOrders();
            assertThat(orders.current(srtId).choice()).isEqualTo(OrderChoice.AUTO);
            assertThat(orders.current(srtId).entry()).isEmpty();
            entriesBefore = inv.custody().size();

            AuditEntry first = orders.set(srtId, OrderChoice.LAT_LON, "the pilot flew an M30 (enterprise)", "Олена")
                    .orElseThrow();
            assertThat(first.action()).isEqualTo(AuditAction.CREATE);
            assertThat(first.entityType()).isEqualTo(TelemetryOrders.ENTITY);
            assertThat(first.entityId()).isEqualTo(srtId);
            assertThat(first.after()).contains("\"order\":\"lat-lon\"");
            assertThat(first.reason()).isEqualTo("the pilot flew an M30 (enterprise)");
            // the same choice again changes nothing and writes nothing
            assertThat(orders.set(srtId, OrderChoice.LAT_LON, "again", "Олена")).isEmpty();
            assertThat(inv.custody().size()).isEqualTo(entriesBefore + 1);
        }
        try (Investigation inv = TestInvestigations.open(ws)) {
            TelemetryOrders orders = inv.telemetryOrders();
            TelemetryOrders.Current current = orders.current(srtId);
            assertThat(current.choice()).isEqualTo(OrderChoice.LAT_LON);
            assertThat(current.entry().orElseThrow().actor()).isEqualTo("Олена");

            AuditEntry back = orders.set(srtId, OrderChoice.AUTO, "", "Петро").orElseThrow();
            assertThat(back.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(back.before()).contains("lat-lon");
            assertThat(back.after()).contains("\"order\":\"auto\"");
            assertThat(back.reason()).isEqualTo("GPS(a,b) order set to auto");
            assertThat(orders.current(srtId).choice()).isEqualTo(OrderChoice.AUTO);
            assertThat(inv.custody().history(TelemetryOrders.ENTITY, srtId)).hasSize(2);
            // the chain and the rows still agree with the log
            assertThat(inv.custody().verify().isIntact()).isTrue();
            assertThat(inv.custody().verifyRows().agreesWithLog()).isTrue();
            assertThat(inv.custody().size()).isEqualTo(entriesBefore + 2);
        }
    }

    @Test
    void onlyTelemetryItemsHaveAnOrder() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            EvidenceItem photo = imported(inv, SharedMedia.file("jpg/Apple iPhone 4.jpg"));
            long entries = inv.custody().size();
            assertThatThrownBy(() -> inv.telemetryOrders().set(photo.id(), OrderChoice.LAT_LON, "x", "Олена"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("not telemetry");
            assertThatThrownBy(() -> inv.telemetryOrders().set("ev-0000000000", OrderChoice.LAT_LON, "x", "Олена"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("unknown evidence id");
            assertThat(inv.custody().size()).isEqualTo(entries);
        }
    }
}
