package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ReviewDecision;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvestigationStoreTest {
    private static final String ANALYST = "Олена Коваленко";

    @TempDir
    Path dir;

    private static Incident fullIncident() {
        return Incident.titled("Удар FPV-дрона по пожежній машині ДСНС").toBuilder()
                .description("Екіпаж гасив пожежу; \"double tap\" suspected.\nSecond line.")
                .occurredAt(Optional.of(Instant.parse("2025-07-03T10:15:00Z"))).timePrecision(TimePrecision.MINUTE)
                .placeName("Херсон, Дніпровський район").admin1("Херсонська область")
                .location(Optional.of(new LatLon(46.6425, 32.648))).targetType(TargetType.FIRE_ENGINE)
                .strikeType(StrikeType.FPV_DRONE).strikeSequence(StrikeSequence.FOLLOW_UP)
                .casualties(new Casualties(1, 2, 3, 4)).status(VerificationStatus.GEOLOCATED)
                .tags(List.of("дснс", "double-tap")).sensitivity(Sensitivity.SENSITIVE).build();
    }

    private static EvidenceItem importBytes(Investigation inv, String name, String content, ImportRequest request)
            throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return inv.evidence().importContent(new ByteArrayInputStream(bytes), bytes.length, name, request, ANALYST,
                ProgressMonitor.NONE).item();
    }

    @Test
    void migratesAnEmptyFolderToTheLatestSchemaWithWalAndForeignKeys() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            assertThat(inv.schemaVersion()).isEqualTo(Migrations.latestVersion()).isPositive();
        }
        try (Investigation again = TestInvestigations.open(dir)) {
            assertThat(again.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("investigation.db"));
             Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(scalar(st, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
            assertThat(scalar(st, "SELECT count(*) FROM schema_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
            for (String table : List.of("incident", "source", "evidence_item", "incident_evidence", "geolocation_pin",
                    "matched_feature", "insignia_observation", "corroboration", "chronolocation", "review",
                    "audit_log", "incident_search", "incident_space_time")) {
                assertThat(scalar(st, "SELECT count(*) FROM sqlite_master WHERE name = '" + table + "'"))
                        .as(table).isEqualTo("1");
            }
        }
        assertThat(dir.resolve("vault")).isDirectory();
    }

    @Test
    void everyIncidentFieldRoundTripsIncludingUkrainianText() {
        Incident incident = fullIncident();
        try (Investigation inv = TestInvestigations.open(dir)) {
            inv.incidents().create(incident, ANALYST, "нове");
        }
        try (Investigation inv = TestInvestigations.open(dir)) {
            assertThat(inv.incidents().get(incident.id())).isEqualTo(incident);
            Incident edited = incident.toBuilder().title("Оновлено").location(Optional.empty())
                    .occurredAt(Optional.empty()).tags(List.of()).build();
            inv.incidents().update(edited, ANALYST, "виправлення");
            assertThat(inv.incidents().get(incident.id())).isEqualTo(edited);
        }
    }

    @Test
    void everyRecordRoundTrips() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Incident incident = inv.incidents().create(fullIncident(), ANALYST, "");
            Source source = new Source(Ids.next("src"), "Telegram", "@канал", "https://t.me/kanal/42", "42",
                    Optional.of(Instant.parse("2025-07-03T12:00:00Z")), "Підпис до відео", "uk", "Caption");
            EvidenceItem video = importBytes(inv, "відео.mp4", "fake video bytes",
                    new ImportRequest(Optional.of(incident.id()), Optional.of(source), Sensitivity.RESTRICTED));
            EvidenceItem photo = importBytes(inv, "фото.jpg", "fake photo bytes", new ImportRequest(
                    Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC));
            assertThat(inv.evidence().source(video.sourceId().orElseThrow())).contains(source);
            assertThat(inv.evidence().find(video.id())).contains(video);
            assertThat(video.sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
            assertThat(video.collectedBy()).isEqualTo(ANALYST);
            assertThat(inv.evidence().forIncident(incident.id())).extracting(EvidenceItem::id)
                    .containsExactlyInAnyOrder(video.id(), photo.id());

            GeolocationPin pin = new GeolocationPin(Ids.next("pin"), incident.id(), new LatLon(46.64251, 32.64801),
                    10, Optional.of(new CameraView(new LatLon(46.641, 32.646), 37.5, 62)), "Дах і дерева",
                    List.of(new MatchedFeature("Навіс у кадрі 412 = цей дах",
                            Optional.of(new FrameReference(video.id(), 412)), new LatLon(46.6426, 32.6481)),
                            new MatchedFeature("Road bend", Optional.empty(), new LatLon(46.6427, 32.6482))),
                    "Sentinel-2", Optional.of(LocalDate.parse("2025-06-30")), ANALYST, false,
                    Instant.parse("2025-07-04T08:00:00Z"));
            assertThat(inv.verification().addPin(pin, ANALYST, "")).isEqualTo(pin);
            assertThat(inv.verification().pins(incident.id())).containsExactly(pin);
            inv.verification().acceptPin(pin.id(), ANALYST, "best match");
            assertThat(inv.incidents().get(incident.id()).location()).contains(pin.target());

            InsigniaObservation obs = new InsigniaObservation(Ids.next("obs"), incident.id(), video.id(),
                    Optional.of(412L), Optional.of(16.48), new NormalizedBox(0.1, 0.2, 0.3, 0.4),
                    InsigniaType.RESCUE_LETTERING, "", Confidence.HIGH, "Напис «РЯТУВАЛЬНА»", ANALYST,
                    Instant.parse("2025-07-04T09:00:00Z"));
            inv.verification().addObservation(obs, ANALYST, "");
            assertThat(inv.verification().observations(incident.id())).containsExactly(obs);

            Corroboration link = new Corroboration(Ids.next("cor"), video.id(), photo.id(),
                    CorroborationRelation.SAME_VEHICLE, "Та сама машина", ANALYST, Instant.parse("2025-07-04T10:00:00Z"));
            inv.verification().addCorroboration(link, ANALYST, "");
            assertThat(inv.verification().corroborations(photo.id())).containsExactly(link);

            Chronolocation sun = new Chronolocation(Ids.next("chr"), incident.id(), Instant.parse("2025-07-03T11:00:00Z"),
                    214.48, 62.6, Optional.of(34.5), List.of(new TimeWindow(Instant.parse("2025-07-03T10:50:00Z"),
                            Instant.parse("2025-07-03T11:10:00Z"))), "Тіні збігаються", ANALYST,
                    Instant.parse("2025-07-04T11:00:00Z"));
            inv.verification().addChronolocation(sun, ANALYST, "");
            assertThat(inv.verification().chronolocations(incident.id())).containsExactly(sun);

            Review proposal = new Review(Ids.next("rev"), incident.id(), ANALYST, Optional.empty(),
                    ReviewDecision.PROPOSED, "Готово до перевірки", Instant.parse("2025-07-05T08:00:00Z"));
            Review approval = new Review(Ids.next("rev"), incident.id(), ANALYST, Optional.of("Микола"),
                    ReviewDecision.APPROVED, "Перевірено", Instant.parse("2025-07-05T09:00:00Z"));
            inv.verification().addReview(proposal, ANALYST);
            inv.verification().addReview(approval, "Микола");
            assertThat(inv.verification().reviews(incident.id())).containsExactly(proposal, approval);
            assertThat(inv.custody().verify().isIntact()).isTrue();
        }
    }

    @Test
    void fullTextSearchFindsCyrillicCaseInsensitivelyAndByPrefix() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Incident kherson = inv.incidents().create(fullIncident(), ANALYST, "");
            Incident kharkiv = inv.incidents().create(Incident.titled("Strike in Kharkiv").toBuilder()
                    .placeName("Харків").build(), ANALYST, "");
            importBytes(inv, "clip.mp4", "x", new ImportRequest(Optional.of(kharkiv.id()),
                    Optional.of(Source.of("Telegram", "@unit", "https://t.me/unit/7", Optional.empty(),
                            "Рятувальники під ударом")), Sensitivity.PUBLIC));

            assertThat(ids(inv, "херсон")).containsExactly(kherson.id());
            assertThat(ids(inv, "ХЕРСОН")).containsExactly(kherson.id());
            assertThat(ids(inv, "пожеж")).containsExactly(kherson.id());
            assertThat(ids(inv, "рятувальники")).containsExactly(kharkiv.id());
            assertThat(ids(inv, "kharkiv")).containsExactly(kharkiv.id());
            assertThat(ids(inv, "\"Strike\" (in*")).as("query syntax is plain text").containsExactly(kharkiv.id());
            assertThat(ids(inv, "NEAR( \"* OR")).isEmpty();
            assertThat(ids(inv, "nothing-like-this")).isEmpty();

            IncidentQuery geolocatedInJuly = new IncidentQuery(Optional.empty(), Set.of(VerificationStatus.GEOLOCATED),
                    Optional.of(Instant.parse("2025-07-01T00:00:00Z")), Optional.of(Instant.parse("2025-08-01T00:00:00Z")));
            assertThat(inv.incidents().list(geolocatedInJuly)).extracting(Incident::id).containsExactly(kherson.id());
        }
    }

    private static List<String> ids(Investigation inv, String text) {
        return inv.incidents().list(IncidentQuery.text(text)).stream().map(Incident::id).toList();
    }

    @Test
    void identicalContentIsStoredOnceReadOnlyAndReportedAsDuplicate() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Incident a = inv.incidents().create(Incident.titled("A"), ANALYST, "");
            Incident b = inv.incidents().create(Incident.titled("B"), ANALYST, "");
            EvidenceItem first = importBytes(inv, "one.bin", "same content",
                    new ImportRequest(Optional.of(a.id()), Optional.empty(), Sensitivity.PUBLIC));
            byte[] bytes = "same content".getBytes(StandardCharsets.UTF_8);
            var second = inv.evidence().importContent(new ByteArrayInputStream(bytes), bytes.length, "renamed.bin",
                    new ImportRequest(Optional.of(b.id()), Optional.empty(), Sensitivity.PUBLIC), ANALYST,
                    ProgressMonitor.NONE);
            assertThat(second.duplicate()).isTrue();
            assertThat(second.item().id()).isEqualTo(first.id());
            assertThat(inv.evidence().incidentsOf(first.id())).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(vaultFiles()).hasSize(1);
            Path stored = inv.evidence().originalPath(first);
            assertThat(stored.getFileName().toString()).isEqualTo(first.sha256().hex());
            assertThat(Files.getPosixFilePermissions(stored)).noneMatch(p -> p.name().endsWith("WRITE"));
            assertThat(Files.readString(stored)).isEqualTo("same content");
        }
    }

    @Test
    void aCancelledImportLeavesNoFileAndNoRecord() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            byte[] big = new byte[5 << 20];
            long entries = inv.custody().size();
            ProgressMonitor cancelAfterFirstChunk = new ProgressMonitor() {
                private boolean started;

                @Override
                public void progress(long done, long total) {
                    started = true;
                }

                @Override
                public boolean isCancelled() {
                    return started;
                }
            };
            assertThatThrownBy(() -> inv.evidence().importContent(new ByteArrayInputStream(big), big.length, "big.bin",
                    ImportRequest.PLAIN, ANALYST, cancelAfterFirstChunk))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(vaultFiles()).isEmpty();
            try (Stream<Path> incoming = Files.list(dir.resolve(".incoming"))) {
                assertThat(incoming).isEmpty();
            }
            assertThat(inv.custody().size()).isEqualTo(entries);
            assertThat(inv.evidence().all()).isEmpty();
        }
    }

    @Test
    void badImportInputChangesNothing() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Path empty = Files.createFile(dir.resolve("empty.jpg"));
            assertThatThrownBy(() -> inv.evidence().importFile(empty, ImportRequest.PLAIN, ANALYST, ProgressMonitor.NONE))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("empty.jpg").hasMessageContaining("empty");
            assertThatThrownBy(() -> inv.evidence().importFile(dir.resolve("missing.mp4"), ImportRequest.PLAIN, ANALYST,
                    ProgressMonitor.NONE)).hasMessageContaining("missing.mp4: no such file");
            assertThatThrownBy(() -> inv.evidence().importFile(dir.resolve("vault"), ImportRequest.PLAIN, ANALYST,
                    ProgressMonitor.NONE)).hasMessageContaining("is a directory");
            Path real = Files.writeString(dir.resolve("real.txt"), "content");
            assertThatThrownBy(() -> inv.evidence().importFile(real, new ImportRequest(Optional.of("inc-0000000000"),
                    Optional.empty(), Sensitivity.PUBLIC), ANALYST, ProgressMonitor.NONE))
                    .hasMessage("unknown incident id: inc-0000000000");
            assertThat(inv.custody().size()).isZero();
            assertThat(vaultFiles()).isEmpty();
        }
    }

    @Test
    void theCustodyLogRecordsEveryChangeAndRefusesEdits() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Incident i = inv.incidents().create(Incident.titled("Одеса"), ANALYST, "створено");
            inv.workflow().setStatus(i.id(), VerificationStatus.IN_PROGRESS, "почато", ANALYST);
            Incident current = inv.incidents().get(i.id());
            inv.incidents().update(current, ANALYST, "no change");
            assertThatThrownBy(() -> inv.incidents().update(current.toBuilder().status(VerificationStatus.VERIFIED)
                    .build(), ANALYST, "sneaky")).hasMessageContaining("review workflow");
            inv.incidents().delete(i.id(), ANALYST, "дублікат");
            var history = inv.custody().history("incident", i.id());
            assertThat(history).extracting(e -> e.action().code()).containsExactly("create", "status_change", "delete");
            assertThat(history.get(1).before()).contains("\"status\":\"unverified\"");
            assertThat(history.get(1).after()).contains("\"status\":\"in_progress\"");
            assertThat(history.get(2).after()).isEqualTo("null");
            assertThat(history).allSatisfy(e -> assertThat(e.actor()).isEqualTo(ANALYST));
            assertThat(inv.custody().verify().isIntact()).isTrue();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("investigation.db"));
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET actor = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log")).hasMessageContaining("append-only");
        }
    }

    private List<Path> vaultFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("vault"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
