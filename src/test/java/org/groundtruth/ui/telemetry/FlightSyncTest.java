package org.groundtruth.ui.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.telemetry.PinSuggestion;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.InlineBackground;
import org.groundtruth.ui.evidence.EvidenceAccess;
import org.groundtruth.ui.evidence.EvidencePane;
import org.groundtruth.ui.evidence.EvidenceViewModel;
import org.groundtruth.ui.evidence.VideoPlayerViewModel;
import org.groundtruth.ui.map.FlightLayer;
import org.groundtruth.ui.map.MapViewModel;
import org.groundtruth.ui.verify.VerificationViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map in step with the evidence viewer, over a real investigation with inline executors: a video and the SRT
 * imported beside it, a photo with GPS, and "Suggest pin" through the pin form into the custody log.
 */
class FlightSyncTest {
    private static final LatLon START = new LatLon(46.6354, 32.6169);
    @TempDir
    Path tmp;
    private Investigation investigation;
    private EvidenceViewModel evidence;
    private MapViewModel map;
    private FlightSync sync;
    private final List<PinSuggestion> suggested = new ArrayList<>();

    @BeforeEach
    void open() {
        investigation = Investigation.open(tmp.resolve("ws"), new ContentInspector());
        EvidenceAccess access = EvidenceAccess.of(() -> Optional.of(investigation), () -> "Олена");
        evidence = new EvidenceViewModel(access, InlineBackground.INSTANCE, new VideoPlayerViewModel(Runnable::run,
                Runnable::run, InlineBackground.INSTANCE, access, deadline -> { }));
        map = new MapViewModel(InlineBackground.INSTANCE, Optional.empty(), tmp.resolve("cache"));
        sync = new FlightSync(evidence, access, InlineBackground.INSTANCE, map);
        sync.setPinSink(suggested::add);
    }

    @AfterEach
    void close() {
        evidence.close();
        map.close();
        investigation.close();
    }

    private EvidenceItem imported(Path file, Optional<String> incident) {
        return investigation.evidence().importFile(file, new ImportRequest(incident, Optional.empty(), Sensitivity.PUBLIC),
                "Олена", ProgressMonitor.NONE).item();
    }

    /** A DJI SRT of the current generation: a sample every half second flying north, camera east, 45° down, 40 m up. */
    private Path srt(String name) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            LatLon p = Geodesy.destination(START, 0, 5.0 * i);
            s.append(i + 1).append('\n').append(String.format(Locale.ROOT, "00:00:%02d,%03d --> 00:00:%02d,%03d%n",
                    i / 2, (i % 2) * 500, (i + 1) / 2, ((i + 1) % 2) * 500));
            s.append(String.format(Locale.ROOT, "<font size=\"28\">FrameCnt: %d, DiffTime: 500ms%n2023-03-18 10:13:%02d.000%n"
                    + "[iso: 100] [latitude: %.7f] [longitude: %.7f] [rel_alt: 40.000 abs_alt: 86.184]"
                    + " [gb_yaw: 90.0 gb_pitch: -45.0 gb_roll: 0.0] </font>%n%n", i + 1, i / 2, p.lat(), p.lon()));
        }
        Path file = Files.createDirectories(tmp.resolve("import")).resolve(name);
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aVideoWithItsSrtShowsTheTrackTheDroneAtEachFrameAndTheFootprint() throws Exception {
        EvidenceItem video = imported(SharedMedia.file("video/Issue 515 (java).mp4"), Optional.empty());
        imported(srt("Issue 515 (java).SRT"), Optional.empty());
        FlightLayer layer = map.flight();

        evidence.show(video);
        assertThat(layer.trackProperty().get()).hasSize(40);
        assertThat(layer.droneProperty().get()).contains(layer.trackProperty().get().get(0));
        assertThat(layer.captionProperty().get()).contains("40", "DJI SRT", "Issue 515 (java).SRT", "frame 0");
        // no camera model in this video: the footprint waits for the field of view, asked once
        assertThat(layer.footprintProperty().get()).isEmpty();
        assertThat(layer.needsFieldOfViewProperty().get()).isTrue();
        assertThat(layer.canSuggestPinProperty().get()).isFalse();
        sync.fieldOfView(84);
        assertThat(layer.needsFieldOfViewProperty().get()).isFalse();
        assertThat(layer.footprintProperty().get()).hasSize(4);
        var toCentre = Geodesy.measure(START, layer.footprintCentreProperty().get().orElseThrow());
        assertThat(toCentre.distanceMeters()).isCloseTo(40, within(0.5)); // 45° down from 40 m
        assertThat(toCentre.initialAzimuthDegrees()).isCloseTo(90, within(0.5));

        // playback: the frame at 2.0 s picks the sample written for 2.0 s
        evidence.video().seekTime(2.0);
        double shownTime = evidence.video().frameProperty().get().timeSeconds();
        double halfFrame = 0.5 / evidence.video().infoProperty().get().frameRate();
        int expected = (int) Math.floor((shownTime + halfFrame) / 0.5 + 1e-9);
        assertThat(sync.moment().orElseThrow().index()).isEqualTo(expected);
        // between samples the drone is where it was at the frame's own time, on the leg to the next sample
        LatLon from = layer.trackProperty().get().get(expected);
        LatLon to = layer.trackProperty().get().get(expected + 1);
        LatLon drone = layer.droneProperty().get().orElseThrow();
        double along = (shownTime - expected * 0.5) / 0.5;
        assertThat(drone.lat()).isCloseTo(from.lat() + along * (to.lat() - from.lat()), within(1e-9));
        // stepping one frame moves the marker and the footprint a little, not a whole sample's leg
        LatLon centreBefore = layer.footprintCentreProperty().get().orElseThrow();
        evidence.video().stepForward();
        LatLon stepped = layer.droneProperty().get().orElseThrow();
        double step = Geodesy.measure(drone, stepped).distanceMeters();
        double leg = Geodesy.measure(from, to).distanceMeters();
        assertThat(step).isGreaterThan(0).isLessThan(leg / 4);
        assertThat(layer.footprintCentreProperty().get().orElseThrow()).isNotEqualTo(centreBefore);

        // a click on the track seeks the video to that sample's time
        layer.trackClicked(3);
        assertThat(evidence.video().frameProperty().get().timeSeconds()).isCloseTo(1.5, within(0.1));
        assertThat(sync.moment().orElseThrow().index()).isEqualTo(3);

        layer.suggestPin();
        PinSuggestion s = suggested.get(0);
        assertThat(s.target()).isEqualTo(layer.footprintCentreProperty().get().orElseThrow());
        assertThat(s.source()).contains("DJI SRT", "Issue 515 (java).mp4", video.id(),
                "frame " + evidence.video().frameNumberProperty().get());
        assertThat(s.camera().orElseThrow().bearingDegrees()).isEqualTo(90);
        assertThat(s.camera().orElseThrow().fieldOfViewDegrees()).isEqualTo(84);

        evidence.clear();
        assertThat(layer.isEmpty()).isTrue();
        assertThat(layer.captionProperty().get()).isEmpty();
    }

    @Test
    void aPhotoWithGpsIsMarkedWhereItWasTakenAndItsPinIsConfirmedWithItsSourceLogged() {
        Incident incident = investigation.incidents().create(Incident.titled("Удар по пожежній машині").toBuilder()
                .occurredAt(Optional.of(Instant.parse("2025-07-06T11:00:00Z"))).build(), "Олена", "");
        EvidenceItem photo = imported(SharedMedia.file("jpg/Apple iPhone 5.jpg"), Optional.of(incident.id()));
        FlightLayer layer = map.flight();

        evidence.show(photo);
        FlightLayer.PhotoMarker marker = layer.photoProperty().get().orElseThrow();
        assertThat(marker.position().lat()).isCloseTo(47.6271667, within(1e-6));
        assertThat(marker.position().lon()).isCloseTo(-122.3373333, within(1e-6));
        assertThat(layer.trackProperty().get()).isEmpty();
        assertThat(layer.captionProperty().get()).contains("Apple iPhone 5.jpg", "47.627167");
        assertThat(map.viewportProperty().get().visibleBox().contains(marker.position())).isTrue();

        // "Suggest pin" fills the pin form; the analyst adds it (not accepted); the log says where it came from
        Session session = new Session();
        session.investigationProperty().set(investigation);
        session.analystProperty().set("Олена");
        VerificationViewModel verification = new VerificationViewModel(session, InlineBackground.INSTANCE);
        verification.incidentProperty().set(investigation.incidents().get(incident.id()));
        sync.setPinSink(verification::suggestPin);
        evidence.metadata().setPinHandler(fix -> sync.suggestPin());
        assertThat(evidence.metadata().suggestPin()).isTrue();
        PinSuggestion s = verification.suggestionProperty().get();
        assertThat(s.target()).isEqualTo(marker.position());
        assertThat(verification.messageProperty().get()).contains("photo GPS", "Apple iPhone 5.jpg");
        assertThat(investigation.verification().pins(incident.id())).isEmpty();

        verification.addPin(String.format(Locale.ROOT, "%.6f, %.6f", s.target().lat(), s.target().lon()), "15",
                s.method(), Optional.empty(), Optional.empty(), Optional.empty(), false);
        GeolocationPin pin = investigation.verification().pins(incident.id()).get(0);
        assertThat(pin.accepted()).isFalse();
        assertThat(pin.method()).contains("photo's GPS");
        AuditEntry created = investigation.custody().history("pin", pin.id()).get(0);
        assertThat(created.reason()).contains("pin suggested from photo GPS", "Apple iPhone 5.jpg", photo.id(),
                "confirmed by the analyst");
    }

    @Test
    void aFlirThermalPhotoIsMarkedFromTheGpsInItsFlirSegments() throws Exception {
        Path flir = org.groundtruth.media.FlirJpegs.write(SharedMedia.file("jpg/Canon EOS 1000D.jpg"),
                Files.createDirectories(tmp.resolve("import")).resolve("FLIR0042.jpg"),
                new org.groundtruth.media.FlirJpegs.Gps(true, "S", 34.6037, "W", 58.3816, 25.5f, 123.5f), 2, false);
        EvidenceItem photo = imported(flir, Optional.empty());
        FlightLayer layer = map.flight();

        evidence.show(photo);
        FlightLayer.PhotoMarker marker = layer.photoProperty().get().orElseThrow();
        assertThat(marker.position()).isEqualTo(new LatLon(-34.6037, -58.3816));
        assertThat(marker.directionDegrees()).hasValueSatisfying(d -> assertThat(d).isCloseTo(123.5, within(1e-6)));
        assertThat(layer.captionProperty().get()).contains("FLIR0042.jpg", "-34.603700", "FLIR GPS");
        assertThat(sync.suggestion().orElseThrow().target()).isEqualTo(marker.position());
    }

    @Test
    void directionFromExifOrDjiGimbalYaw() {
        var exif = new org.groundtruth.core.evidence.MetadataTag("GPS", "GPS Img Direction", "245.5 degrees");
        var dji = new org.groundtruth.core.evidence.MetadataTag("XMP", "drone-dji:GimbalYawDegree", "-90.3");
        assertThat(FlightSync.direction(List.of(exif))).contains(245.5);
        assertThat(FlightSync.direction(List.of(dji)).orElseThrow()).isCloseTo(269.7, within(1e-9));
        assertThat(FlightSync.direction(List.of())).isEmpty();
        var makerNote = new org.groundtruth.core.evidence.MetadataTag("DJI Makernote", "Camera Yaw", "45");
        assertThat(FlightSync.direction(List.of(makerNote))).contains(45.0);
    }

    @Test
    void aDjiPhotoIsMarkedWithTheCameraDirectionFromItsMakerNote() {
        EvidenceItem photo = imported(Path.of("../shared/data/aerial/brighton-beach/images/DJI_0018.JPG"), Optional.empty());
        evidence.show(photo);
        FlightLayer.PhotoMarker marker = map.flight().photoProperty().get().orElseThrow();
        assertThat(marker.directionDegrees()).contains(45.0); // exiftool: GimbalYawDegree +45.00, Camera Yaw 45
        assertThat(map.flight().captionProperty().get()).contains("DJI_0018.JPG", "looking 45°");
    }

    @Test
    void aDjiPhotoWithGimbalAnglesAndHeightShowsItsGroundFootprint() {
        // exiftool: FC300S, GimbalPitchDegree −89.90, GimbalYawDegree +45.00, RelativeAltitude +39.80, 4000×2250
        EvidenceItem photo = imported(Path.of("../shared/data/aerial/brighton-beach/images/DJI_0018.JPG"), Optional.empty());
        evidence.show(photo);
        FlightLayer layer = map.flight();
        LatLon camera = layer.photoProperty().get().orElseThrow().position();
        List<LatLon> corners = layer.footprintProperty().get();
        assertThat(corners).hasSize(4);
        double hfov = org.groundtruth.core.telemetry.CameraModels.horizontalFromDiagonal(94, 4000 / 2250.0);
        double across = 2 * 39.8 * Math.tan(Math.toRadians(hfov / 2)); // nadir: width = 2 h tan(hfov / 2)
        assertThat(Geodesy.measure(corners.get(0), corners.get(1)).distanceMeters()).isCloseTo(across, within(0.5));
        assertThat(Geodesy.measure(corners.get(3), corners.get(2)).distanceMeters()).isCloseTo(across, within(0.5));
        // the frame's top edge runs across the camera's yaw: top-left → top-right points 45° + 90°
        assertThat(Geodesy.measure(corners.get(0), corners.get(1)).initialAzimuthDegrees()).isCloseTo(135, within(1.0));
        LatLon centre = layer.footprintCentreProperty().get().orElseThrow();
        assertThat(Geodesy.measure(camera, centre).distanceMeters()).isLessThan(0.5); // 0.1° off nadir
        assertThat(layer.captionProperty().get()).contains("DJI_0018.JPG", "Photo footprint", "39.8 m below");
        assertThat(layer.needsFieldOfViewProperty().get()).isFalse();

        PinSuggestion s = sync.suggestion().orElseThrow();
        assertThat(s.target()).isEqualTo(centre);
        assertThat(s.method()).contains("DJI XMP", "DJI_0018.JPG", "pitch -89.9");
        assertThat(s.camera().orElseThrow().bearingDegrees()).isEqualTo(45);

        evidence.clear();
        assertThat(layer.footprintProperty().get()).isEmpty();
    }

    @Test
    void aFieldOfViewGivenForACameraModelIsRememberedAndUsedNextSession() {
        java.util.Map<String, Double> stored = new java.util.HashMap<>();
        FieldOfViewMemory memory = new FieldOfViewMemory() {
            @Override
            public java.util.Map<String, Double> load() {
                return java.util.Map.copyOf(stored);
            }

            @Override
            public void remember(String model, double degrees) {
                stored.put(model, degrees);
            }
        };
        sync.rememberFieldsOfView(memory);
        EvidenceItem photo = imported(Path.of("../shared/data/aerial/brighton-beach/images/DJI_0018.JPG"), Optional.empty());
        evidence.show(photo);
        sync.fieldOfView(60);
        assertThat(stored).containsExactly(java.util.Map.entry("fc300s", 60.0));
        double across = Geodesy.measure(map.flight().footprintProperty().get().get(0),
                map.flight().footprintProperty().get().get(1)).distanceMeters();
        assertThat(across).isCloseTo(2 * 39.8 * Math.tan(Math.toRadians(30)), within(0.5));

        // the next session: a new window loads what was remembered and uses it without asking
        EvidenceAccess access = EvidenceAccess.of(() -> Optional.of(investigation), () -> "Олена");
        EvidenceViewModel nextEvidence = new EvidenceViewModel(access, InlineBackground.INSTANCE,
                new VideoPlayerViewModel(Runnable::run, Runnable::run, InlineBackground.INSTANCE, access, deadline -> { }));
        MapViewModel nextMap = new MapViewModel(InlineBackground.INSTANCE, Optional.empty(), tmp.resolve("cache2"));
        try {
            FlightSync next = new FlightSync(nextEvidence, access, InlineBackground.INSTANCE, nextMap);
            nextEvidence.show(photo);
            assertThat(nextMap.flight().captionProperty().get()).contains("field of view 86.1°"); // the table's, before
            next.rememberFieldsOfView(memory);
            nextEvidence.clear();
            nextEvidence.show(photo);
            assertThat(nextMap.flight().captionProperty().get()).contains("field of view 60.0°");
        } finally {
            nextEvidence.close();
            nextMap.close();
        }
    }

    @Test
    void onlyPhotosWithACameraPitchAreReadForAFootprint() {
        var xmp = new org.groundtruth.core.evidence.MetadataTag("XMP", "drone-dji:GimbalPitchDegree", "-45");
        var makerNote = new org.groundtruth.core.evidence.MetadataTag("DJI Makernote", "Camera Pitch", "-89.9");
        var exif = new org.groundtruth.core.evidence.MetadataTag("GPS", "GPS Img Direction", "245.5 degrees");
        assertThat(FlightSync.hasCameraAngles(List.of(xmp))).isTrue();
        assertThat(FlightSync.hasCameraAngles(List.of(exif, makerNote))).isTrue();
        assertThat(FlightSync.hasCameraAngles(List.of(exif))).isFalse();
        assertThat(FlightSync.hasCameraAngles(List.of())).isFalse();
    }
}
