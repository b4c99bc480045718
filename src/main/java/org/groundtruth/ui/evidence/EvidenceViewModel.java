package org.groundtruth.ui.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.media.MediaTypes;
import org.groundtruth.ui.common.Background;

/**
 * The evidence panel as a whole: which item is shown and how (video player, photo viewer, or metadata only), its
 * metadata, and the investigation's possible duplicates. Testable without a toolkit: give it inline executors.
 */
public final class EvidenceViewModel implements AutoCloseable {
    /** What the viewer area shows. */
    public enum Mode { EMPTY, VIDEO, PHOTO, TELEMETRY, METADATA_ONLY }

    private final EvidenceAccess access;
    private final VideoPlayerViewModel video;
    private final PhotoViewModel photo;
    private final MetadataViewModel metadata = new MetadataViewModel();
    private final DuplicatesViewModel duplicates;
    private final ScanViewModel scan;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.EMPTY);
    private final ReadOnlyObjectWrapper<EvidenceItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final StringProperty message = new SimpleStringProperty(EvidenceText.t("panel.empty"));

    /** For the window: FX-thread delivery, the window's background runner, its own decoder thread. */
    public EvidenceViewModel(EvidenceAccess access, Background background, Executor fxThread) {
        this(access, background, new VideoPlayerViewModel(fxThread, background, access), fxThread);
    }

    /** For tests, with a player built on inline executors. */
    public EvidenceViewModel(EvidenceAccess access, Background background, VideoPlayerViewModel video) {
        this(access, background, video, Runnable::run);
    }

    private EvidenceViewModel(EvidenceAccess access, Background background, VideoPlayerViewModel video, Executor fxThread) {
        this.scan = new ScanViewModel(access, background, fxThread);
        this.access = access;
        this.video = video;
        this.photo = new PhotoViewModel(background);
        this.duplicates = new DuplicatesViewModel(background, access);
    }

    /** Shows an item of the open investigation (its original from the vault). */
    public void show(EvidenceItem evidence) {
        Optional<Path> original = access.originalPath(evidence);
        if (original.isEmpty()) {
            metadata.show(evidence);
            setMode(evidence, Mode.METADATA_ONLY);
            message.set(EvidenceText.t("panel.missingOriginal", evidence.originalName()));
            return;
        }
        show(evidence, original.get());
    }

    /**
     * Shows {@code evidence}, whose original is at {@code original}. The item already shown (the same id, its
     * record perhaps edited) stays open where it is: same frame, zoom and keyframes.
     */
    public void show(EvidenceItem evidence, Path original) {
        EvidenceItem shown = item.get();
        if (shown != null && shown.id().equals(evidence.id()) && mode.get() != Mode.METADATA_ONLY
                && mode.get() != Mode.EMPTY) {
            metadata.show(evidence);
            setMode(evidence, mode.get());
            return;
        }
        metadata.show(evidence);
        if (!Files.isReadable(original)) {
            video.clear();
            photo.clear();
            setMode(evidence, Mode.METADATA_ONLY);
            message.set(EvidenceText.t("panel.missingOriginal", evidence.originalName()));
            return;
        }
        message.set("");
        if (isVideo(evidence)) {
            photo.clear();
            setMode(evidence, Mode.VIDEO);
            video.open(original, Optional.of(evidence.id()));
        } else if (isPicture(evidence)) {
            video.clear();
            setMode(evidence, Mode.PHOTO);
            photo.open(original);
        } else if (metadata.telemetry().isPresent()) {
            video.clear();
            photo.clear();
            setMode(evidence, Mode.TELEMETRY);
        } else {
            video.clear();
            photo.clear();
            setMode(evidence, Mode.METADATA_ONLY);
            message.set(EvidenceText.t("panel.noPreview", evidence.originalName(), evidence.mediaType()));
        }
    }

    static boolean isVideo(EvidenceItem e) {
        return e.kind() == EvidenceKind.VIDEO || (e.kind() != EvidenceKind.FRAME && MediaTypes.isVideo(e.mediaType()));
    }

    static boolean isPicture(EvidenceItem e) {
        return e.kind() == EvidenceKind.PHOTO || e.kind() == EvidenceKind.FRAME || MediaTypes.isImage(e.mediaType());
    }

    private void setMode(EvidenceItem evidence, Mode newMode) {
        if (item.get() != evidence) {
            scan.use(Optional.of(evidence));
        }
        item.set(evidence);
        title.set(evidence.originalName() + "  ·  " + evidence.kind().code() + "  ·  " + evidence.mediaType()
                + "  ·  " + evidence.id());
        mode.set(newMode);
    }

    /** Nothing selected (another incident, the investigation closed). */
    public void clear() {
        scan.use(Optional.empty());
        video.clear();
        photo.clear();
        metadata.clear();
        item.set(null);
        title.set("");
        mode.set(Mode.EMPTY);
        message.set(EvidenceText.t("panel.empty"));
    }

    @Override
    public void close() {
        video.close();
    }

    public VideoPlayerViewModel video() {
        return video;
    }

    public PhotoViewModel photo() {
        return photo;
    }

    public MetadataViewModel metadata() {
        return metadata;
    }

    /** The insignia scan of the shown item. */
    public ScanViewModel scan() {
        return scan;
    }

    public DuplicatesViewModel duplicates() {
        return duplicates;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvidenceItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }
}
