package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.groundtruth.core.casefile.FrameBox;
import org.groundtruth.core.geolocate.MatchFeatures;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.casefile.FrameFigureRequest;
import org.groundtruth.core.casefile.FrameFigures;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.casefile.ReportImage;
import org.groundtruth.core.casefile.ReportText;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.store.Investigation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Keyframes" part of an incident in the report: each frame that an insignia observation or a matched feature
 * points at, once, with the observations' boxes drawn on it. Frames of evidence the report may not show (a public
 * version's) are left out; a frame that cannot be decoded becomes a one-line note.
 */
final class ReportFrames {
    private static final Logger LOG = LoggerFactory.getLogger(ReportFrames.class);

    private final Investigation investigation;
    private final FrameFigures frames;
    private final ReportText text;
    private final Predicate<String> shownEvidence;

    ReportFrames(Investigation investigation, FrameFigures frames, ReportText text, Predicate<String> shownEvidence) {
        this.investigation = investigation;
        this.frames = frames;
        this.text = text;
        this.shownEvidence = shownEvidence;
    }

    /** One frame of one item; {@code frame} is empty for a photo. */
    private record FrameKey(String evidenceId, Optional<Long> frame) {
    }

    private static final class Figure {
        final EvidenceItem item;
        final List<FrameBox> boxes = new ArrayList<>();
        final List<String> captions = new ArrayList<>();

        Figure(EvidenceItem item) {
            this.item = item;
        }
    }

    void write(Writer w, Optional<GeolocationPin> pin, List<InsigniaObservation> observations) throws IOException {
        Map<FrameKey, Figure> figures = collect(pin, observations);
        if (figures.isEmpty()) {
            return;
        }
        boolean headed = false;
        for (Map.Entry<FrameKey, Figure> entry : figures.entrySet()) {
            FrameKey key = entry.getKey();
            Figure figure = entry.getValue();
            String where = key.frame().map(n -> text.t("frame.videoFrame", key.evidenceId(), String.valueOf(n)))
                    .orElse(key.evidenceId());
            Optional<ReportImage> image;
            try {
                image = frames.frame(new FrameFigureRequest(investigation.evidence().originalPath(figure.item),
                        figure.item.mediaType(), key.frame(), figure.boxes));
            } catch (RuntimeException ex) {
                LOG.warn("report: no picture of {}: {}", where, ex.getMessage(), ex);
                headed = heading(w, headed);
                w.write("<p class=\"note\">" + e(text.t("frame.failed", where, String.valueOf(ex.getMessage())))
                        + "</p>\n");
                continue;
            }
            if (image.isEmpty()) {
                continue;
            }
            headed = heading(w, headed);
            w.write("<div class=\"figure\"><img src=\"" + image.get().dataUri() + "\" width=\""
                    + image.get().widthPx() + "\" height=\"" + image.get().heightPx() + "\" alt=\"" + e(where)
                    + "\"/><p class=\"caption\">" + e(where + " (" + figure.item.originalName() + "): "
                    + String.join("; ", figure.captions)) + "</p></div>\n");
        }
    }

    /** The section heading, written before the first picture or note only: frames may all be left out. */
    private boolean heading(Writer w, boolean written) throws IOException {
        if (!written) {
            w.write("<h3>" + e(text.t("section.keyframes")) + "</h3>\n");
        }
        return true;
    }

    private Map<FrameKey, Figure> collect(Optional<GeolocationPin> pin, List<InsigniaObservation> observations) {
        Map<FrameKey, Figure> figures = new LinkedHashMap<>();
        for (InsigniaObservation o : observations) {
            figure(figures, o.evidenceId(), o.frameNumber()).ifPresent(f -> {
                String label = text.label(o.type()) + (o.otherText().isEmpty() ? "" : ": " + o.otherText());
                if (o.box().width() > 0 && o.box().height() > 0) {
                    f.boxes.add(new FrameBox(o.box(), label));
                }
                String confidence = text.label(o.confidence()).toLowerCase(Locale.ROOT);
                f.captions.add(text.t("frame.observation", label, confidence));
            });
        }
        List<MatchedFeature> matched = pin.map(GeolocationPin::matchedFeatures).orElse(List.of());
        double[] frameSize = imageMatchFrameSize(matched);
        int inlier = 0;
        for (MatchedFeature feature : matched) {
            Optional<MatchFeatures.FramePixel> pixel = MatchFeatures.parse(feature.description());
            if (pixel.isPresent() && feature.frame().isPresent()) {
                // an image match: its inliers are marked on the frame, numbered; its corners are the frame itself
                if (pixel.get().isCorner() || frameSize[0] <= 0) {
                    continue;
                }
                FrameReference ref = feature.frame().get();
                int number = ++inlier;
                double x = Math.max(0, Math.min(0.98, pixel.get().x() / frameSize[0] - 0.01));
                double y = Math.max(0, Math.min(0.98, pixel.get().y() / frameSize[1] - 0.01));
                figure(figures, ref.evidenceId(), Optional.of(ref.frameNumber())).ifPresent(f -> {
                    f.boxes.add(new FrameBox(new NormalizedBox(x, y, 0.02, 0.02), String.valueOf(number)));
                    if (number == 1) {
                        f.captions.add(text.t("frame.imageMatch"));
                    }
                });
                continue;
            }
            if (feature.frame().isPresent()) {
                FrameReference ref = feature.frame().get();
                figure(figures, ref.evidenceId(), Optional.of(ref.frameNumber()))
                        .ifPresent(f -> f.captions.add(text.t("frame.matched", feature.description())));
            }
        }
        return figures;
    }

    /** The frame size an image match recorded (its bottom-right corner), or zeros. */
    private static double[] imageMatchFrameSize(List<MatchedFeature> features) {
        double[] size = {0, 0};
        for (MatchedFeature f : features) {
            MatchFeatures.parse(f.description()).filter(MatchFeatures.FramePixel::isCorner).ifPresent(p -> {
                size[0] = Math.max(size[0], p.x());
                size[1] = Math.max(size[1], p.y());
            });
        }
        return size[1] > 0 ? size : new double[] {0, 0};
    }

    /** The figure for a frame, made on first mention; empty when the item is gone or not to be shown. */
    private Optional<Figure> figure(Map<FrameKey, Figure> figures, String evidenceId, Optional<Long> frame) {
        if (!shownEvidence.test(evidenceId)) {
            return Optional.empty();
        }
        Optional<EvidenceItem> item = investigation.evidence().find(evidenceId);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        // A photo has one picture: a matched feature's "frame 0" of a photo is the photo itself.
        Optional<Long> number = item.get().mediaType().startsWith("video/") ? Optional.of(frame.orElse(0L))
                : Optional.empty();
        return Optional.of(figures.computeIfAbsent(new FrameKey(evidenceId, number), k -> new Figure(item.get())));
    }

    private static String e(String s) {
        return HtmlText.escape(s);
    }
}
