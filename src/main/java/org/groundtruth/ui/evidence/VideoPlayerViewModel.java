package org.groundtruth.ui.evidence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.media.Keyframe;
import org.groundtruth.media.KeyframeScanner;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.PngFiles;
import org.groundtruth.media.Timecode;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.groundtruth.media.VideoInfo;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video player's state and commands, without a toolkit. All decoding happens on one decoder thread that owns
 * the {@link VideoDecoder} (FFmpeg contexts are not thread-safe); frames reach the properties through the
 * {@code ui} executor (the FX thread in the window), coalesced so a slow screen never queues frames up. The
 * keyframe scan runs as a {@link Background} job with its own decoder, filling the strip as it goes.
 */
public final class VideoPlayerViewModel implements AutoCloseable {
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 1.5, 2.0);
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 2.0;
    /** Continuous footage has no scene changes: the strip shows at least one frame this often. */
    public static final double STRIP_MAX_GAP_SECONDS = 2.0;
    private static final Logger LOG = LoggerFactory.getLogger(VideoPlayerViewModel.class);

    private final Executor decoderThread;
    private final Optional<ExecutorService> ownedDecoderThread;
    private final Executor ui;
    private final Background background;
    private final EvidenceAccess access;
    private final Pacer pacer;

    private final ReadOnlyObjectWrapper<VideoInfo> info = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VideoFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper frameNumber = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper timecode = new ReadOnlyStringWrapper(Timecode.format(0));
    private final ReadOnlyStringWrapper frameLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper keyframeStatus = new ReadOnlyStringWrapper("");
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Keyframe> keyframes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canSaveFrame = new ReadOnlyBooleanWrapper(false);

    // shared with the decoder thread
    private volatile int generation;
    private volatile boolean playRequested;
    private volatile int direction = 1;
    private volatile double speedValue = 1.0;
    private final AtomicReference<VideoFrame> pending = new AtomicReference<>();
    private final AtomicLong pendingSeek = new AtomicLong(-1);
    private VideoDecoder decoder; // touched on the decoder thread only

    private Path file;
    private Optional<String> evidenceId = Optional.empty();
    private Optional<Background.Job> scan = Optional.empty();

    /** For the window: its own decoder thread, real-time pacing. */
    public VideoPlayerViewModel(Executor ui, Background background, EvidenceAccess access) {
        this(newDecoderThread(), ui, background, access, Pacer.REAL_TIME);
    }

    /** For tests: any executors (inline ones make every command synchronous) and pacing. */
    public VideoPlayerViewModel(Executor decoderThread, Executor ui, Background background, EvidenceAccess access,
            Pacer pacer) {
        this.decoderThread = decoderThread;
        this.ownedDecoderThread = decoderThread instanceof ExecutorService s ? Optional.of(s) : Optional.empty();
        this.ui = ui;
        this.background = background;
        this.access = access;
        this.pacer = pacer;
        speed.addListener((o, was, now) -> {
            double clamped = clampSpeed(now.doubleValue());
            if (clamped != now.doubleValue()) {
                speed.set(clamped);
            }
            speedValue = clamped;
        });
        frame.addListener((o, was, now) -> updateCanSave());
    }

    private static ExecutorService newDecoderThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "groundtruth-video-decoder");
            t.setDaemon(true);
            return t;
        });
    }

    static double clampSpeed(double value) {
        return Double.isFinite(value) ? Math.max(MIN_SPEED, Math.min(MAX_SPEED, value)) : 1.0;
    }

    /** Opens {@code video} (the original of {@code evidenceId} when it is in the investigation) and shows frame 0. */
    public void open(Path video, Optional<String> evidenceId) {
        stopAll();
        int gen = ++generation;
        this.file = video;
        this.evidenceId = evidenceId;
        info.set(null);
        frame.set(null);
        frameNumber.set(-1);
        timecode.set(Timecode.format(0));
        frameLabel.set("");
        keyframes.clear();
        keyframeStatus.set("");
        message.set(EvidenceText.t("video.opening", video.getFileName()));
        decoderThread.execute(() -> {
            closeDecoder();
            if (gen != generation) {
                return;
            }
            try {
                decoder = VideoDecoder.open(video);
                VideoInfo opened = decoder.info();
                VideoFrame first = decoder.frame(0);
                ui.execute(() -> {
                    if (gen == generation) {
                        info.set(opened);
                        message.set("");
                        apply(first);
                        startKeyframeScan(gen, video);
                    }
                });
            } catch (MediaFormatException e) {
                ui.execute(() -> {
                    if (gen == generation) {
                        message.set(EvidenceText.t("panel.cannotShow", video.getFileName(), e.getMessage()));
                    }
                });
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("opening {} failed", video, e);
                ui.execute(() -> message.set(EvidenceText.t("panel.cannotShow", video.getFileName(), Errors.message(e))));
            }
        });
    }

    private void startKeyframeScan(int gen, Path video) {
        scanning.set(true);
        keyframeStatus.set(EvidenceText.t("video.scanning", 0));
        KeyframeScanner scanner = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT.sampledEvery(STRIP_MAX_GAP_SECONDS));
        scan = Optional.of(background.run(EvidenceText.t("task.scanKeyframes", video.getFileName()),
                progress -> scanner.scan(video, () -> progress.isCancelled() || gen != generation,
                        k -> ui.execute(() -> {
                            if (gen == generation) {
                                keyframes.add(k);
                                keyframeStatus.set(EvidenceText.t("video.scanning", keyframes.size()));
                            }
                        })),
                result -> {
                    if (gen == generation) {
                        scanning.set(false);
                        keyframeStatus.set(EvidenceText.t("video.scanned", result.keyframes().size(),
                                result.framesDecoded()));
                    }
                },
                error -> {
                    if (gen == generation) {
                        scanning.set(false);
                        keyframeStatus.set(EvidenceText.t("video.scanStopped", Errors.message(error)));
                    }
                }));
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play(1);
        }
    }

    /** Plays forward at the current speed. */
    public void play() {
        play(1);
    }

    private void play(int newDirection) {
        if (info.get() == null) {
            return;
        }
        int gen = generation;
        if (playing.get() && direction == newDirection) {
            return;
        }
        pause();
        direction = newDirection;
        playRequested = true;
        playing.set(true);
        message.set("");
        decoderThread.execute(() -> playLoop(gen));
    }

    public void pause() {
        playRequested = false;
        playing.set(false);
    }

    /** L: play forward; pressed again while playing forward, faster (up to 2×). */
    public void shuttleForward() {
        shuttle(1);
    }

    /** J: play backward; pressed again while playing backward, faster (up to 2×). */
    public void shuttleBackward() {
        shuttle(-1);
    }

    /** K: stop. */
    public void shuttleStop() {
        pause();
    }

    private void shuttle(int wanted) {
        if (playing.get() && direction == wanted) {
            speed.set(nextSpeedUp(speed.get()));
        } else {
            if (playing.get()) {
                speed.set(1.0);
            }
            play(wanted);
        }
    }

    static double nextSpeedUp(double current) {
        return SPEEDS.stream().filter(s -> s > current + 1e-9).findFirst().orElse(MAX_SPEED);
    }

    public void stepForward() {
        pause();
        command(d -> {
            Optional<VideoFrame> next = d.next();
            if (next.isEmpty()) {
                ui.execute(() -> message.set(EvidenceText.t("video.end")));
            }
            return next;
        });
    }

    public void stepBack() {
        pause();
        command(d -> d.position() > 0 ? Optional.of(d.frame(d.position() - 1)) : Optional.empty());
    }

    /** Shows frame {@code n} (clamped to the video); while scrubbing only the latest request is decoded. */
    public void seek(long n) {
        pause();
        pendingSeek.set(Math.max(0, n));
        command(d -> {
            long target = pendingSeek.getAndSet(-1);
            return target < 0 ? Optional.empty() : Optional.of(d.frame(target));
        });
    }

    public void seekTime(double seconds) {
        VideoInfo current = info.get();
        if (current != null) {
            seek(Timecode.frameAt(Math.max(0, seconds), current.frameRate()));
        }
    }

    /**
     * Jumps to what the investigator typed: a whole number is a frame number ({@code 1234}, {@code #1234}); a time
     * has a colon or a decimal point ({@code 00:01:02.5}, {@code 62.5}). Returns false (and says why) otherwise.
     */
    public boolean jumpTo(String text) {
        VideoInfo current = info.get();
        String t = text == null ? "" : text.strip();
        if (current == null || t.isEmpty()) {
            return false;
        }
        if (t.matches("#?\\d{1,12}")) {
            seek(Long.parseLong(t.replace("#", "")));
            return true;
        }
        Optional<Double> seconds = Timecode.parseSeconds(t);
        if (seconds.isPresent()) {
            seekTime(seconds.get());
            return true;
        }
        message.set(EvidenceText.t("video.badJump", t));
        return false;
    }

    /** Stores the frame on screen as a PNG evidence item derived from this video. */
    public void saveCurrentFrame() {
        VideoFrame shown = frame.get();
        if (shown == null || evidenceId.isEmpty()) {
            message.set(EvidenceText.t("video.saveNeedsInvestigation"));
            return;
        }
        pause();
        FrameReference reference = new FrameReference(evidenceId.get(), shown.frameNumber());
        message.set(EvidenceText.t("video.savingFrame", shown.frameNumber()));
        background.run(EvidenceText.t("task.saveFrame", shown.frameNumber()),
                p -> access.saveFrame(reference, shown.timeSeconds(), PngFiles.encode(shown.toBufferedImage())),
                result -> message.set(result.map(r -> EvidenceText.t(r.duplicate() ? "video.frameAlreadySaved"
                        : "video.savedFrame", shown.frameNumber(), r.item().id()))
                        .orElse(EvidenceText.t("video.saveNeedsInvestigation"))),
                error -> message.set(Errors.message(error)));
    }

    private void command(Function<VideoDecoder, Optional<VideoFrame>> action) {
        int gen = generation;
        decoderThread.execute(() -> {
            if (gen != generation || decoder == null) {
                return;
            }
            try {
                action.apply(decoder).ifPresent(f -> publish(gen, f));
            } catch (MediaFormatException e) {
                ui.execute(() -> message.set(EvidenceText.t("video.decodeError", e.getMessage())));
            }
        });
    }

    private void playLoop(int gen) {
        if (decoder == null) {
            return;
        }
        long anchorNanos = System.nanoTime();
        long anchorFrame = decoder.position();
        long shown = decoder.position();
        double anchorSpeed = speedValue;
        double fps = decoder.info().frameRate();
        try {
            while (playRequested && gen == generation) {
                Optional<VideoFrame> next = direction > 0 ? decoder.next()
                        : decoder.position() > 0 ? Optional.of(decoder.frame(decoder.position() - 1)) : Optional.empty();
                if (next.isEmpty()) {
                    playRequested = false;
                    ui.execute(() -> {
                        playing.set(false);
                        message.set(EvidenceText.t("video.end"));
                    });
                    return;
                }
                if (speedValue != anchorSpeed) {
                    anchorNanos = System.nanoTime();
                    anchorFrame = next.get().frameNumber();
                    anchorSpeed = speedValue;
                }
                long framesAhead = Math.abs(next.get().frameNumber() - anchorFrame);
                pacer.sleepUntil(anchorNanos + Math.round(framesAhead * 1e9 / (fps * anchorSpeed)));
                if (playRequested && gen == generation) {
                    publish(gen, next.get());
                    shown = next.get().frameNumber();
                }
            }
            if (gen == generation && decoder.position() != shown && shown >= 0) {
                // paused after decoding a frame that was never shown: step back to the one on screen (cached),
                // so the next frame step continues from what the investigator sees
                decoder.frame(shown);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MediaFormatException e) {
            playRequested = false;
            ui.execute(() -> {
                playing.set(false);
                message.set(EvidenceText.t("video.decodeError", e.getMessage()));
            });
        }
    }

    private void publish(int gen, VideoFrame decoded) {
        if (pending.getAndSet(decoded) == null) {
            ui.execute(() -> {
                VideoFrame latest = pending.getAndSet(null);
                if (latest != null && gen == generation) {
                    apply(latest);
                }
            });
        }
    }

    private void apply(VideoFrame shown) {
        frame.set(shown);
        frameNumber.set(shown.frameNumber());
        timecode.set(Timecode.format(shown.timeSeconds()));
        VideoInfo current = info.get();
        frameLabel.set(EvidenceText.t("video.frameLabel", shown.frameNumber(),
                current == null ? "?" : current.lastFrame()));
    }

    private void updateCanSave() {
        canSaveFrame.set(frame.get() != null && evidenceId.isPresent());
    }

    private void stopAll() {
        pause();
        scan.ifPresent(Background.Job::cancel);
        scan = Optional.empty();
        scanning.set(false);
    }

    private void closeDecoder() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }

    /** Stops playback and scanning and releases the decoder (the panel shows something else). */
    public void clear() {
        stopAll();
        generation++;
        info.set(null);
        frame.set(null);
        keyframes.clear();
        decoderThread.execute(this::closeDecoder);
    }

    @Override
    public void close() {
        clear();
        ownedDecoderThread.ifPresent(ExecutorService::shutdown);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public ReadOnlyObjectProperty<VideoInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VideoFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty frameNumberProperty() {
        return frameNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timecodeProperty() {
        return timecode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty frameLabelProperty() {
        return frameLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyframeStatusProperty() {
        return keyframeStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveFrameProperty() {
        return canSaveFrame.getReadOnlyProperty();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<Keyframe> keyframes() {
        return keyframes;
    }
}
