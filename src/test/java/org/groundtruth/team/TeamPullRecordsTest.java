package org.groundtruth.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.team.TeamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of verification record travels and is applied on pull (pins with the accepted one, insignia,
 * corroboration links, chronolocations, double-tap decisions), and work on an incident another analyst deleted
 * surfaces as a conflict that, resolved, restores the incident with its records on every laptop. Needs
 * {@code GROUNDTRUTH_TEST_PG} (skipped without it).
 */
class TeamPullRecordsTest {
    private static final Instant T = Instant.parse("2025-07-03T11:00:00Z");

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
        olena.join("Харків");
        try (TeamClient c = olena.client()) {
            c.invite("Харків", petro.analyst);
        }
        petro.join("Харків");
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
    void everyRecordKindIsAppliedOnPull() {
        Investigation o = olena.inv;
        Incident first = o.incidents().create(located("Перший удар", T), olena.analyst, "нове");
        Incident second = o.incidents().create(located("Повторний удар", T.plusSeconds(600)), olena.analyst, "нове");
        EvidenceItem video = importBytes(o, "відео.mp4", "drone video bytes", first.id(), olena.analyst);
        EvidenceItem photo = importBytes(o, "фото.jpg", "rescue photo bytes", first.id(), olena.analyst);
        GeolocationPin pin = pin(first.id(), new LatLon(49.9935, 36.2304), video.id(), olena.analyst);
        o.verification().addPin(pin, olena.analyst, "");
        o.verification().acceptPin(pin.id(), olena.analyst, "дах збігається");
        InsigniaObservation insignia = new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX), first.id(),
                video.id(), Optional.of(412L), Optional.of(16.48), new NormalizedBox(0.1, 0.2, 0.3, 0.4),
                InsigniaType.RESCUE_LETTERING, "", Confidence.HIGH, "Напис «РЯТУВАЛЬНА»", olena.analyst,
                Instant.parse("2025-07-04T09:00:00Z"));
        o.verification().addObservation(insignia, olena.analyst, "");
        Corroboration link = new Corroboration(Ids.next(Corroboration.ID_PREFIX), video.id(), photo.id(),
                CorroborationRelation.SAME_VEHICLE, "Та сама машина", olena.analyst, Instant.parse("2025-07-04T10:00:00Z"));
        o.verification().addCorroboration(link, olena.analyst, "");
        Chronolocation sun = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), first.id(), T, 214.48, 62.6,
                Optional.of(34.5), List.of(new TimeWindow(T.minusSeconds(600), T.plusSeconds(600))), "Тіні збігаються",
                olena.analyst, Instant.parse("2025-07-04T11:00:00Z"));
        o.verification().addChronolocation(sun, olena.analyst, "");
        o.patterns().decide(first.id(), second.id(), DoubleTapVerdict.CONFIRMED, olena.analyst, "та сама точка");

        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 0);

        Investigation p = petro.inv;
        assertThat(p.verification().pins(first.id())).containsExactlyElementsOf(o.verification().pins(first.id()));
        assertThat(p.verification().pins(first.id())).singleElement().satisfies(x -> assertThat(x.accepted()).isTrue());
        assertThat(p.verification().observations(first.id())).containsExactly(insignia);
        assertThat(p.verification().corroborations(photo.id())).containsExactly(link);
        assertThat(p.verification().chronolocations(first.id())).containsExactly(sun);
        assertThat(p.patterns().decisions()).isEqualTo(o.patterns().decisions());
        assertThat(p.incidents().get(first.id())).isEqualTo(o.incidents().get(first.id()));
        assertThat(p.incidents().get(second.id())).isEqualTo(o.incidents().get(second.id()));
        assertThat(p.team().conflicts(false)).isEmpty();

        // Petro dismisses the double tap; Olena sees the dismissal and the restored sequence.
        p.patterns().decide(first.id(), second.id(), DoubleTapVerdict.DISMISSED, petro.analyst, "різні машини");
        petro.sync();
        TeamSyncResultAssert.conflicts(olena.sync(), 0);
        assertThat(o.patterns().decisions()).isEqualTo(p.patterns().decisions());
        assertThat(o.incidents().get(second.id())).isEqualTo(p.incidents().get(second.id()));
        verified(olena, petro);
    }

    @Test
    void acceptingDifferentPinsOfflineIsAConflictAndTheAcceptedPinFollowsTheResolution() {
        Incident incident = olena.inv.incidents().create(located("Удар по швидкій", T), olena.analyst, "нове");
        olena.sync();
        petro.sync();
        GeolocationPin hers = pin(incident.id(), new LatLon(49.99, 36.23), "", olena.analyst);
        GeolocationPin his = pin(incident.id(), new LatLon(50.01, 36.25), "", petro.analyst);
        olena.inv.verification().addPin(hers, olena.analyst, "");
        olena.inv.verification().acceptPin(hers.id(), olena.analyst, "");
        petro.inv.verification().addPin(his, petro.analyst, "");
        petro.inv.verification().acceptPin(his.id(), petro.analyst, "");
        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 1);
        FieldConflict k = petro.inv.team().conflicts(false).get(0);
        assertThat(k.field()).isEqualTo("location");
        assertThat(accepted(petro.inv, incident.id())).isEqualTo(his.id());

        petro.inv.team().resolve(k.id(), true, petro.analyst);
        assertThat(accepted(petro.inv, incident.id())).isEqualTo(hers.id());
        petro.sync();
        olena.sync();
        for (Laptop l : List.of(olena, petro)) {
            assertThat(l.inv.team().conflicts(false)).as(l.analyst).isEmpty();
            assertThat(accepted(l.inv, incident.id())).as(l.analyst).isEqualTo(hers.id());
            assertThat(l.inv.verification().pins(incident.id())).hasSize(2);
        }
        assertThat(olena.inv.incidents().get(incident.id())).isEqualTo(petro.inv.incidents().get(incident.id()));
        verified(olena, petro);
    }

    @Test
    void workOnAnIncidentDeletedElsewhereIsAConflictAndKeepingItRestoresTheIncident() {
        Incident incident = olena.inv.incidents().create(located("Пожежна машина", T), olena.analyst, "нове");
        olena.sync();
        petro.sync();
        // Offline: Petro deletes the incident while Olena adds a chronolocation and a pin to it.
        petro.inv.incidents().delete(incident.id(), petro.analyst, "дубль");
        Chronolocation sun = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), incident.id(), T, 214.48, 62.6,
                Optional.empty(), List.of(), "Тіні", olena.analyst, Instant.parse("2025-07-04T11:00:00Z"));
        olena.inv.verification().addChronolocation(sun, olena.analyst, "");
        GeolocationPin pin = pin(incident.id(), new LatLon(49.99, 36.23), "", olena.analyst);
        olena.inv.verification().addPin(pin, olena.analyst, "");
        olena.sync();
        TeamSyncResultAssert.conflicts(petro.sync(), 2);
        List<FieldConflict> open = petro.inv.team().conflicts(false);
        assertThat(open).extracting(FieldConflict::field)
                .containsExactly("(chronolocation " + sun.id() + ")", "(pin " + pin.id() + ")");
        assertThat(open).allSatisfy(k -> assertThat(k.incidentId()).isEqualTo(incident.id()));
        assertThat(petro.inv.incidents().find(incident.id())).isEmpty();

        // Keeping Olena's pin restores the incident with both records; the chronolocation conflict is kept local
        // (its record is already back with the incident).
        petro.inv.team().resolve(open.get(1).id(), true, petro.analyst);
        assertThat(petro.inv.incidents().find(incident.id())).isPresent();
        assertThat(petro.inv.verification().pins(incident.id())).extracting(GeolocationPin::id).containsExactly(pin.id());
        assertThat(petro.inv.verification().chronolocations(incident.id())).containsExactly(sun);
        petro.inv.team().resolve(open.get(0).id(), false, petro.analyst);

        petro.sync();
        olena.sync();
        for (Laptop l : List.of(olena, petro)) {
            assertThat(l.inv.team().conflicts(false)).as(l.analyst).isEmpty();
            assertThat(l.inv.incidents().find(incident.id())).as(l.analyst).isPresent();
            assertThat(l.inv.verification().pins(incident.id())).as(l.analyst).extracting(GeolocationPin::id)
                    .containsExactly(pin.id());
            assertThat(l.inv.verification().chronolocations(incident.id())).as(l.analyst).containsExactly(sun);
        }
        verified(olena, petro);
    }

    @Test
    void aCaseFileCarriesTheOtherAnalystsSignedApproval() {
        Investigation o = olena.inv;
        Incident incident = o.incidents().create(located("До перевірки", T), olena.analyst, "нове");
        EvidenceItem photo = importBytes(o, "фото.jpg", "rescue photo bytes", incident.id(), olena.analyst);
        GeolocationPin pin = pin(incident.id(), new LatLon(49.9935, 36.2304), photo.id(), olena.analyst);
        o.verification().addPin(pin, olena.analyst, "");
        o.verification().acceptPin(pin.id(), olena.analyst, "");
        o.verification().addObservation(new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX), incident.id(),
                photo.id(), Optional.empty(), Optional.empty(), new NormalizedBox(0, 0, 1, 1), InsigniaType.RESCUE_LETTERING,
                "", Confidence.HIGH, "", olena.analyst, T), olena.analyst, "");
        o.workflow().setStatus(incident.id(), org.groundtruth.core.verify.VerificationStatus.READY_FOR_REVIEW, "готово",
                olena.analyst);
        olena.sync();
        petro.sync();
        petro.inv.workflow().approve(incident.id(), petro.analyst, "перевірив");
        petro.sync();
        olena.sync();
        assertThat(o.incidents().get(incident.id()).status())
                .isEqualTo(org.groundtruth.core.verify.VerificationStatus.VERIFIED);

        Path zip = tmp.resolve("справа.zip");
        new org.groundtruth.store.casefile.CaseExporter(o, org.groundtruth.core.casefile.ReportFigures.NONE).export(
                org.groundtruth.core.casefile.ExportOptions.EVERYTHING, zip, olena.analyst, ProgressMonitor.NONE);
        var check = new org.groundtruth.store.casefile.CaseSignatureCheck().check(zip);
        assertThat(check.problems()).isEmpty();
        assertThat(check.unsignedEntries()).isZero();
        assertThat(check.signers()).extracting(org.groundtruth.store.casefile.CaseSignatureCheck.Signer::name)
                .containsExactlyInAnyOrder(olena.analyst, petro.analyst);
        assertThat(new org.groundtruth.store.casefile.CaseVerifier().verify(zip).isIntact()).isTrue();
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

    private static String accepted(Investigation inv, String incidentId) {
        return inv.verification().pins(incidentId).stream().filter(GeolocationPin::accepted).map(GeolocationPin::id)
                .findFirst().orElse("none");
    }

    private static Incident located(String title, Instant at) {
        return Incident.titled(title).toBuilder().location(Optional.of(new LatLon(49.9935, 36.2304)))
                .occurredAt(Optional.of(at)).timePrecision(TimePrecision.MINUTE).build();
    }

    private static GeolocationPin pin(String incidentId, LatLon target, String evidenceId, String analyst) {
        List<MatchedFeature> features = evidenceId.isEmpty() ? List.of()
                : List.of(new MatchedFeature("Навіс у кадрі 412", Optional.of(new FrameReference(evidenceId, 412)),
                        new LatLon(49.9936, 36.2305)));
        return new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incidentId, target, 10, Optional.empty(),
                "Дах і дерева", features, "Sentinel-2", Optional.of(LocalDate.parse("2025-06-30")), analyst, false,
                Instant.parse("2025-07-04T08:00:00Z"));
    }

    private static EvidenceItem importBytes(Investigation inv, String name, String content, String incidentId,
            String analyst) {
        try {
            return importItem(inv, name, content, incidentId, analyst);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static EvidenceItem importItem(Investigation inv, String name, String content, String incidentId,
            String analyst) throws java.io.IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return inv.evidence().importContent(new ByteArrayInputStream(bytes), bytes.length, name,
                new ImportRequest(Optional.of(incidentId), Optional.empty(), Sensitivity.PUBLIC), analyst,
                ProgressMonitor.NONE).item();
    }
}
