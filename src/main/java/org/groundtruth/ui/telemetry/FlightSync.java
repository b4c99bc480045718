package org.groundtruth.ui.telemetry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.FlightReplay;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.core.telemetry.OrderDecision;
import org.groundtruth.core.telemetry.PinSuggestion;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.map.gazetteer.GazetteerSettlements;
import org.groundtruth.store.TelemetryOrders;
import org.groundtruth.media.MediaTypes;
import org.groundtruth.media.VideoFrame;
import org.groundtruth.media.VideoInfo;
import org.groundtruth.media.telemetry.PhotoTelemetryReader;
import org.groundtruth.media.telemetry.SidecarItems;
import org.groundtruth.media.telemetry.TelemetryFile;
import org.groundtruth.media.telemetry.TelemetryReader;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.evidence.EvidenceAccess;
import org.groundtruth.ui.evidence.EvidenceViewModel;
import org.groundtruth.ui.map.FlightLayer;
import org.groundtruth.ui.map.MapViewModel;

/**
 * Keeps the map in step with the evidence viewer. A video's track (GoPro GPMF, or the DJI SRT imported beside it
 * under the same base name, or its container location) is read in the background when it is shown; as the video
 * plays or steps, each frame's presentation time picks the telemetry sample and the camera's footprint is projected
 * there. A click on the track seeks the video to that sample. A photo's GPS (from the metadata already stored) is
 * drawn as soon as it is shown. "Suggest pin" hands a {@link PinSuggestion} to the pin form. No toolkit needed.
 */
public final class FlightSync {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final EvidenceViewModel evidence;
    private final EvidenceAccess access;
    private final Background background;
    private final MapViewModel map;
    private final FlightLayer layer;
    /** Fields of view the analyst gave, per camera model: asked once per model. */
    private final Map<String, Double> givenFov = new HashMap<>();
    private Consumer<PinSuggestion> pinSink = s -> { };
    private Optional<FieldOfViewMemory> fovMemory = Optional.empty();
    private Optional<EvidenceItem> item = Optional.empty();
    private Optional<TelemetryFile> file = Optional.empty();
    private String readFromName = "";
    /** The SRT item the shown track was read from, when it has old GPS(a,b) lines (its order can be chosen). */
    private Optional<EvidenceItem> srtItem = Optional.empty();
    private Optional<FlightReplay> replay = Optional.empty();
    private Optional<FlightReplay.Moment> moment = Optional.empty();
    private Optional<PinSuggestion> photoSuggestion = Optional.empty();
    /** A drone photo's one-sample replay (DJI XMP gimbal angles and height) and its model key, for its footprint. */
    private Optional<FlightReplay> photoReplay = Optional.empty();
    private String photoModelKey = "";
    private Optional<Background.Job> reading = Optional.empty();
    private int generation;
    private long shownFrame = -1;
    /** The shown frame's presentation time and half its duration, seconds (for the camera between samples). */
    private double shownTime;
    private double shownTolerance;
    private boolean fittedFootprint;

    public FlightSync(EvidenceViewModel evidence, EvidenceAccess access, Background background, MapViewModel map) {
        this.evidence = evidence;
        this.access = access;
        this.background = background;
        this.map = map;
        this.layer = map.flight();
        evidence.itemProperty().addListener((o, was, now) -> show(Optional.ofNullable(now)));
        evidence.video().frameProperty().addListener((o, was, now) -> {
            if (now != null) {
                frameShown(now);
            }
        });
        layer.setOnTrackClicked(this::trackClicked);
        layer.setOnSuggestPin(this::suggestPin);
        layer.setOnFieldOfView(this::fieldOfView);
        layer.setOnOrderChosen(this::chooseOrder);
        show(Optional.ofNullable(evidence.itemProperty().get()));
    }

    /**
     * Keeps the fields of view given per camera model across sessions: those remembered are loaded now (in the
     * background) and each one given from now on is saved.
     */
    public void rememberFieldsOfView(FieldOfViewMemory memory) {
        fovMemory = Optional.of(memory);
        background.run(I18n.t("flight.fovLoad"), progress -> memory.load(), remembered -> {
            remembered.forEach(givenFov::putIfAbsent);
            refreshFieldOfView();
        }, error -> map.messageProperty().set(Errors.message(error)));
    }

    /** Where "Suggest pin" sends its proposal (the pin form). */
    public void setPinSink(Consumer<PinSuggestion> sink) {
        pinSink = sink;
    }

    /** The proposal for what is shown now: the footprint centre at the current frame, or the photo's position. */
    public Optional<PinSuggestion> suggestion() {
        if (item.isEmpty()) {
            return Optional.empty();
        }
        if (moment.isPresent() && moment.get().footprint().isPresent()) {
            return Optional.of(PinSuggestion.fromFootprint(moment.get(), currentFrame(moment.get()),
                    item.get().originalName(), item.get().id(), file.map(f -> f.track().format()).orElse("telemetry")));
        }
        return photoSuggestion.or(() -> Optional.ofNullable(evidence.metadata().gpsProperty().get()).map(fix ->
                PinSuggestion.fromPhoto(new LatLon(fix.latitudeDegrees(), fix.longitudeDegrees()), fix.source(),
                        direction(evidence.metadata().allTags()), Optional.empty(), item.get().originalName(),
                        item.get().id())));
    }

    /** Proposes the current suggestion to the pin form; says why there is none otherwise. */
    public void suggestPin() {
        Optional<PinSuggestion> s = suggestion();
        if (s.isPresent()) {
            pinSink.accept(s.get());
        } else {
            map.messageProperty().set(moment.map(m -> I18n.t("flight.noSuggestion", org.groundtruth.ui.common.FootprintNotes.text(m.footprintNote())))
                    .orElse(I18n.t("flight.nothingToSuggest")));
        }
    }

    /** The analyst's horizontal field of view for the shown camera; kept for its model for the session. */
    public void fieldOfView(double degrees) {
        String key = photoReplay.isPresent() ? photoModelKey : file.map(FlightSync::modelKey).orElse("");
        if (!key.isEmpty() && (photoReplay.isPresent() || file.isPresent())) {
            fovMemory.ifPresent(memory -> background.run(I18n.t("flight.fovSave"), progress -> {
                memory.remember(key, degrees);
                return key;
            }, saved -> { }, error -> map.messageProperty().set(Errors.message(error))));
        }
        if (photoReplay.isPresent()) {
            givenFov.put(photoModelKey, degrees);
            photoReplay = Optional.of(new FlightReplay(photoReplay.get().track(), photoReplay.get().model(),
                    photoReplay.get().aspectRatio(), Optional.of(degrees)));
            showPhotoFootprint();
            return;
        }
        if (file.isEmpty()) {
            return;
        }
        givenFov.put(modelKey(file.get()), degrees);
        replay = Optional.of(replayOf(file.get()));
        moment = moment.map(m -> isVideoShown() && shownFrame >= 0
                ? replay.get().at(shownTime, shownTolerance).orElseThrow() : replay.get().moment(m.index()));
        moment.ifPresent(this::showMoment);
    }

    /** Applies a field of view remembered for the shown camera when it was still missing. */
    private void refreshFieldOfView() {
        if (photoReplay.isPresent() && photoReplay.get().needsFieldOfView() && givenFov.containsKey(photoModelKey)) {
            photoReplay = Optional.of(new FlightReplay(photoReplay.get().track(), photoReplay.get().model(),
                    photoReplay.get().aspectRatio(), Optional.of(givenFov.get(photoModelKey))));
            showPhotoFootprint();
        } else if (file.isPresent() && replay.isPresent() && replay.get().needsFieldOfView()
                && givenFov.containsKey(modelKey(file.get()))) {
            replay = Optional.of(replayOf(file.get()));
            moment = moment.map(m -> isVideoShown() && shownFrame >= 0
                    ? replay.get().at(shownTime, shownTolerance).orElseThrow() : replay.get().moment(m.index()));
            moment.ifPresent(this::showMoment);
        }
    }

    Optional<FlightReplay> replay() {
        return replay;
    }

    Optional<FlightReplay.Moment> moment() {
        return moment;
    }

    private void show(Optional<EvidenceItem> shown) {
        generation++;
        reading.ifPresent(Background.Job::cancel);
        reading = Optional.empty();
        item = shown;
        file = Optional.empty();
        srtItem = Optional.empty();
        replay = Optional.empty();
        moment = Optional.empty();
        photoSuggestion = Optional.empty();
        photoReplay = Optional.empty();
        photoModelKey = "";
        shownFrame = -1;
        fittedFootprint = false;
        layer.clear();
        if (shown.isEmpty()) {
            return;
        }
        EvidenceItem e = shown.get();
        if (hasTrack(e)) {
            readTrack(e);
        } else {
            Optional.ofNullable(evidence.metadata().gpsProperty().get()).ifPresent(fix -> {
                showPhoto(e, fix);
                if (hasCameraAngles(evidence.metadata().allTags())) {
                    readPhotoPose(e);
                }
            });
        }
    }

    /**
     * True when a photo's stored metadata shows a camera pitch (DJI XMP {@code GimbalPitchDegree} or the DJI maker
     * note's {@code Camera Pitch}): then the file is read again for the XMP angles and height a footprint needs.
     */
    static boolean hasCameraAngles(List<MetadataTag> tags) {
        return tags.stream().anyMatch(t -> t.name().endsWith("GimbalPitchDegree") || t.name().equals("Camera Pitch"));
    }

    /** In the background: the photo's one-point track with its gimbal angles, model and aspect ratio. */
    private void readPhotoPose(EvidenceItem e) {
        int mine = generation;
        reading = Optional.of(background.run(I18n.t("flight.task", e.originalName()), progress -> {
            Path original = access.originalPath(e).orElseThrow(() -> new IllegalStateException(
                    I18n.t("flight.noOriginal", e.originalName())));
            return new PhotoTelemetryReader().read(original);
        }, read -> {
            if (mine == generation) {
                reading = Optional.empty();
                photoPoseRead(read);
            }
        }, error -> {
            if (mine == generation) {
                reading = Optional.empty();
                layer.captionProperty().set(layer.captionProperty().get() + "\n"
                        + I18n.t("flight.failed", e.originalName(), Errors.message(error)));
            }
        }));
    }

    private void photoPoseRead(PhotoTelemetryReader.Result read) {
        if (read.track().samples().isEmpty() || read.track().samples().get(0).pitchDegrees().isEmpty() || item.isEmpty()) {
            return;
        }
        photoModelKey = read.model().map(m -> m.strip().toLowerCase(Locale.ROOT)).orElse("");
        photoReplay = Optional.of(new FlightReplay(read.track(), read.model(), read.aspectRatio().orElse(4.0 / 3),
                Optional.ofNullable(givenFov.get(photoModelKey))));
        showPhotoFootprint();
    }

    /** The drone photo's ground footprint (or why there is none), drawn like a video frame's. */
    private void showPhotoFootprint() {
        FlightReplay r = photoReplay.orElseThrow();
        FlightReplay.Moment m = r.moment(0);
        EvidenceItem e = item.orElseThrow();
        layer.footprintProperty().set(m.footprint().map(f -> f.corners()).orElse(List.of()));
        layer.footprintCentreProperty().set(m.footprint().map(f -> f.centre()));
        layer.needsFieldOfViewProperty().set(r.needsFieldOfView());
        String base = layer.captionProperty().get().split("\n", 2)[0];
        if (m.footprint().isPresent()) {
            photoSuggestion = Optional.of(PinSuggestion.fromPhotoFootprint(m, e.originalName(), e.id(),
                    r.track().format()));
            List<LatLon> both = new java.util.ArrayList<>(m.footprint().get().corners());
            both.add(m.sample().position());
            map.showPoints(both);
            layer.captionProperty().set(base + "\n" + I18n.t("flight.photoFootprint",
                    String.format(Locale.ROOT, "%.0f", m.footprint().get().uncertaintyMeters()),
                    String.format(Locale.ROOT, "%.1f", m.pose().orElseThrow().heightAboveGroundMetres()),
                    String.format(Locale.ROOT, "%.1f", m.pose().orElseThrow().horizontalFovDegrees())));
        } else {
            layer.captionProperty().set(base + "\n" + I18n.t("flight.photoNoFootprint", org.groundtruth.ui.common.FootprintNotes.text(m.footprintNote())));
        }
    }

    private static boolean hasTrack(EvidenceItem e) {
        return e.kind() == EvidenceKind.TELEMETRY || MediaTypes.isTelemetry(e.mediaType())
                || (e.kind() != EvidenceKind.FRAME && e.kind() != EvidenceKind.PHOTO
                        && (e.kind() == EvidenceKind.VIDEO || MediaTypes.isVideo(e.mediaType())));
    }

    private void readTrack(EvidenceItem e) {
        int mine = generation;
        layer.captionProperty().set(I18n.t("flight.reading", e.originalName()));
        reading = Optional.of(background.run(I18n.t("flight.task", e.originalName()), progress -> read(e), read -> {
            if (mine == generation) {
                reading = Optional.empty();
                trackRead(e, read);
            }
        }, error -> {
            if (mine == generation) {
                reading = Optional.empty();
                layer.captionProperty().set(I18n.t("flight.failed", e.originalName(), Errors.message(error)));
                Optional.ofNullable(evidence.metadata().gpsProperty().get()).ifPresent(fix -> showPhoto(e, fix));
            }
        }));
    }

    /**
     * A track read, the name of the evidence item it came from (the video, or its SRT), the SRT item and the order the
     * investigator recorded for it.
     */
    private record Read(TelemetryFile file, String sourceName, Optional<EvidenceItem> srtItem,
            TelemetryOrders.Current order) {
    }

    /**
     * In the background: the original from the vault, for a video its SRT item of the same base name, and the order
     * of old GPS(a,b) lines recorded for that SRT item in the custody log (applied as the override).
     */
    private Read read(EvidenceItem e) {
        Path original = access.originalPath(e).orElseThrow(() -> new IllegalStateException(
                I18n.t("flight.noOriginal", e.originalName())));
        Optional<EvidenceItem> sidecarItem = Optional.empty();
        if (!SidecarItems.isTelemetry(e)) {
            sidecarItem = sidecarOf(e, access.all());
        }
        Optional<Path> sidecar = sidecarItem.flatMap(access::originalPath);
        Optional<EvidenceItem> srt = SidecarItems.isTelemetry(e) ? Optional.of(e) : sidecarItem;
        TelemetryOrders.Current order = srt.flatMap(i -> access.investigation().map(inv ->
                inv.telemetryOrders().current(i.id()))).orElse(new TelemetryOrders.Current(OrderChoice.AUTO,
                        Optional.empty()));
        try (GazetteerSettlements settlements = GazetteerSettlements.shipped()) {
            TelemetryFile read = new TelemetryReader(new CoordinateOrderResolver(settlements)).read(original, sidecar,
                    order.choice().override());
            boolean fromSidecar = sidecar.isPresent() && read.readFrom().equals(sidecar.get());
            boolean fromSrt = fromSidecar || SidecarItems.isTelemetry(e);
            return new Read(read, fromSidecar ? sidecarItem.get().originalName() : e.originalName(),
                    fromSrt ? srt : Optional.empty(), order);
        }
    }

    /** The telemetry item imported with a video: same base name ({@code DJI_0042.MP4} → {@code DJI_0042.SRT}). */
    static Optional<EvidenceItem> sidecarOf(EvidenceItem video, List<EvidenceItem> all) {
        return SidecarItems.sidecarOf(video, all);
    }

    /**
     * The investigator's order for the shown track's old GPS(a,b) lines: recorded on the SRT item with a custody
     * entry (in the background), then the track is read again with it. Refusals (a read-only investigation) are said
     * on the map and the recorded choice stays.
     */
    public void chooseOrder(OrderChoice choice) {
        if (srtItem.isEmpty() || item.isEmpty() || access.investigation().isEmpty()) {
            map.messageProperty().set(I18n.t("flight.orderNothing"));
            return;
        }
        EvidenceItem srt = srtItem.get();
        EvidenceItem shown = item.get();
        String was = file.flatMap(f -> f.track().order()).map(o -> o.order().code() + " (" + o.rule() + ")").orElse("?");
        String reason = I18n.t("flight.orderReasonLogged", srt.originalName(), choice.code(), was);
        int mine = generation;
        background.run(I18n.t("flight.orderTask", srt.originalName()), progress -> access.investigation().orElseThrow()
                .telemetryOrders().set(srt.id(), choice, reason, access.analyst()), entry -> {
                    if (mine == generation) {
                        show(Optional.of(shown));
                    }
                }, error -> map.messageProperty().set(I18n.t("flight.orderFailed", Errors.message(error))));
    }

    private void trackRead(EvidenceItem e, Read result) {
        TelemetryFile read = result.file();
        readFromName = result.sourceName();
        if (read.track().samples().isEmpty()) {
            layer.captionProperty().set(I18n.t("flight.noTrack", e.originalName()));
            Optional.ofNullable(evidence.metadata().gpsProperty().get()).ifPresent(fix -> showPhoto(e, fix));
            return;
        }
        file = Optional.of(read);
        showOrder(result);
        replay = Optional.of(replayOf(read));
        layer.trackProperty().set(replay.get().path());
        map.showPoints(replay.get().path());
        VideoFrame shown = evidence.video().frameProperty().get();
        if (shown != null && isVideoShown()) {
            frameShown(shown);
        } else {
            showMoment(replay.get().moment(0));
        }
    }

    /** The order of old GPS(a,b) lines: which was used, the rule that decided, and the choice offered to change it. */
    private void showOrder(Read result) {
        Optional<OrderDecision> decision = result.file().track().order();
        srtItem = decision.isPresent() ? result.srtItem() : Optional.empty();
        layer.orderChoiceProperty().set(result.order().choice());
        layer.canChooseOrderProperty().set(srtItem.isPresent());
        layer.orderRuleProperty().set(decision.map(d -> I18n.t("flight.orderRule", d.order().code(), d.rule()))
                .orElse(""));
        layer.orderReasonProperty().set(decision.map(d -> d.reason() + result.order().entry().map(entry ->
                "\n" + result.order().pulledFrom().map(device -> I18n.t("flight.orderPulled", entry.actor(),
                        entry.at().toString(), device, entry.sequence())).orElseGet(() -> I18n.t("flight.orderRecorded",
                                entry.actor(), entry.at().toString(), entry.sequence())))
                .orElse("")).orElse(""));
    }

    private FlightReplay replayOf(TelemetryFile read) {
        double aspect = read.aspectRatio().orElse(16.0 / 9);
        return new FlightReplay(read.track(), read.model(), aspect, Optional.ofNullable(givenFov.get(modelKey(read))));
    }

    private static String modelKey(TelemetryFile read) {
        return read.model().map(m -> m.strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    private boolean isVideoShown() {
        return evidence.modeProperty().get() == EvidenceViewModel.Mode.VIDEO;
    }

    private void frameShown(VideoFrame frame) {
        if (replay.isEmpty() || !isVideoShown()) {
            return;
        }
        shownFrame = frame.frameNumber();
        VideoInfo info = evidence.video().infoProperty().get();
        shownTime = frame.timeSeconds();
        shownTolerance = info == null ? 0 : 0.5 / info.frameRate();
        replay.get().at(shownTime, shownTolerance).ifPresent(this::showMoment);
    }

    private void trackClicked(int index) {
        if (replay.isEmpty()) {
            return;
        }
        TelemetrySample sample = replay.get().track().samples().get(index);
        VideoInfo info = evidence.video().infoProperty().get();
        if (isVideoShown() && info != null) {
            // the first frame at or after the sample's time (seeking by time would land on the frame before it)
            evidence.video().pause();
            evidence.video().seek(Math.min(info.lastFrame(), (long) Math.ceil(sample.timeSeconds() * info.frameRate() - 1e-6)));
        } else {
            showMoment(replay.get().moment(index));
        }
    }

    private long currentFrame(FlightReplay.Moment m) {
        if (isVideoShown() && shownFrame >= 0) {
            return shownFrame;
        }
        return m.frame(file.flatMap(f -> f.track().frameRate()).orElse(30.0));
    }

    private void showMoment(FlightReplay.Moment m) {
        moment = Optional.of(m);
        TelemetrySample s = m.sample();
        layer.droneProperty().set(Optional.of(s.position()));
        layer.droneHeadingProperty().set(s.yawDegrees().or(s::flightYawDegrees));
        layer.footprintProperty().set(m.footprint().map(f -> f.corners()).orElse(List.of()));
        layer.footprintCentreProperty().set(m.footprint().map(f -> f.centre()));
        layer.canSuggestPinProperty().set(m.footprint().isPresent());
        if (m.footprint().isPresent() && !fittedFootprint) { // the first footprint: bring the track and it into view
            fittedFootprint = true;
            List<LatLon> both = new java.util.ArrayList<>(replay.map(FlightReplay::path).orElse(List.of()));
            both.addAll(m.footprint().get().corners());
            map.showPoints(both);
        }
        layer.needsFieldOfViewProperty().set(replay.map(FlightReplay::needsFieldOfView).orElse(false));
        TelemetryFile read = file.orElseThrow();
        StringBuilder text = new StringBuilder(I18n.t("flight.caption", read.track().samples().size(),
                org.groundtruth.ui.common.FootprintNotes.source(read.track().format()), readFromName, currentFrame(m),
                String.format(Locale.ROOT, "%.6f, %.6f", s.lat(), s.lon())));
        s.relativeAltitudeMetres().ifPresent(h -> text.append(I18n.t("flight.height", String.format(Locale.ROOT, "%.1f", h))));
        s.yawDegrees().or(s::flightYawDegrees).ifPresent(y -> text.append(I18n.t("flight.yaw",
                String.format(Locale.ROOT, "%.1f", y))));
        s.pitchDegrees().ifPresent(p -> text.append(I18n.t("flight.pitch", String.format(Locale.ROOT, "%.1f", p))));
        text.append('\n').append(m.footprint().isPresent()
                ? I18n.t("flight.footprint", String.format(Locale.ROOT, "%.0f", m.footprint().get().uncertaintyMeters()),
                        String.format(Locale.ROOT, "%.1f", m.pose().orElseThrow().horizontalFovDegrees()))
                : I18n.t("flight.noFootprint", org.groundtruth.ui.common.FootprintNotes.text(m.footprintNote())));
        layer.captionProperty().set(text.toString());
    }

    private void showPhoto(EvidenceItem e, GpsFix fix) {
        LatLon position = new LatLon(fix.latitudeDegrees(), fix.longitudeDegrees());
        Optional<Double> direction = direction(evidence.metadata().allTags());
        layer.photoProperty().set(Optional.of(new FlightLayer.PhotoMarker(position, direction, e.originalName())));
        photoSuggestion = Optional.of(PinSuggestion.fromPhoto(position, fix.source(), direction, Optional.empty(),
                e.originalName(), e.id()));
        layer.canSuggestPinProperty().set(true);
        layer.captionProperty().set(I18n.t("flight.photo", e.originalName(), String.format(Locale.ROOT, "%.6f, %.6f",
                fix.latitudeDegrees(), fix.longitudeDegrees()), fix.source()) + direction.map(d -> I18n.t("flight.direction",
                        String.format(Locale.ROOT, "%.0f", d))).orElse(""));
        map.showPoints(List.of(position));
    }

    /** The compass direction a photo was taken in: EXIF GPSImgDirection, else DJI's gimbal yaw (XMP or maker note). */
    static Optional<Double> direction(List<MetadataTag> tags) {
        for (String wanted : List.of("GPS Img Direction", "GimbalYawDegree", "Camera Yaw")) {
            for (MetadataTag t : tags) {
                if (t.name().equalsIgnoreCase(wanted) || t.name().endsWith(":" + wanted)) {
                    Matcher m = NUMBER.matcher(t.value());
                    if (m.find()) {
                        double d = Double.parseDouble(m.group());
                        if (Double.isFinite(d) && Math.abs(d) <= 360) {
                            return Optional.of(((d % 360) + 360) % 360);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
