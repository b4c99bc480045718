package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.casefile.MatchFigureRequest;
import org.groundtruth.core.casefile.MatchFigures;
import org.groundtruth.core.casefile.ReportImage;
import org.groundtruth.core.casefile.ReportText;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.geolocate.MatchFeatures;
import org.groundtruth.store.ImageMatchRecords;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.SavedLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Image match" part of an incident in the report: for an accepted pin found by image matching, the frame's
 * footprint and matched points over the reference imagery (looked up among the investigation's map layers), with the
 * match figures beside it. The frame itself, with the same points, is in the keyframes. Left out of a public version
 * (it shows the exact place).
 */
final class ReportMatchOverlay {
    private static final Logger LOG = LoggerFactory.getLogger(ReportMatchOverlay.class);
    private final Investigation investigation;
    private final MatchFigures figures;
    private final ReportText text;

    ReportMatchOverlay(Investigation investigation, MatchFigures figures, ReportText text) {
        this.investigation = investigation;
        this.figures = figures;
        this.text = text;
    }

    /** The request for a pin found by image match (its four frame corners recorded), else empty. */
    static Optional<MatchFigureRequest> request(GeolocationPin pin, List<Path> layerFiles) {
        if (!pin.method().startsWith(ImageMatchRecords.METHOD)) {
            return Optional.empty();
        }
        List<LatLon> corners = new ArrayList<>();
        List<LatLon> inliers = new ArrayList<>();
        for (MatchedFeature f : pin.matchedFeatures()) {
            MatchFeatures.parse(f.description()).ifPresent(p -> (p.isCorner() ? corners : inliers).add(f.mapPoint()));
        }
        if (corners.size() != 4) {
            return Optional.empty();
        }
        return Optional.of(new MatchFigureRequest(pin.referenceLayer(), layerFiles, corners, inliers, pin.target(),
                pin.precisionMeters()));
    }

    void write(Writer w, Optional<GeolocationPin> pin) throws IOException {
        if (pin.isEmpty()) {
            return;
        }
        Optional<MatchFigureRequest> request = request(pin.get(), layerFiles());
        if (request.isEmpty()) {
            return;
        }
        Optional<ReportImage> image;
        try {
            image = figures.overlay(request.get());
        } catch (RuntimeException ex) {
            LOG.warn("report: no image-match overlay of {}: {}", pin.get().id(), ex.getMessage(), ex);
            w.write("<h3>" + e(text.t("section.imageMatch")) + "</h3>\n<p class=\"note\">"
                    + e(text.t("match.failed", String.valueOf(ex.getMessage()))) + "</p>\n");
            return;
        }
        if (image.isEmpty()) {
            return;
        }
        w.write("<h3>" + e(text.t("section.imageMatch")) + "</h3>\n<div class=\"figure\"><img class=\"map\" src=\""
                + image.get().dataUri() + "\" width=\"" + image.get().widthPx() + "\" height=\"" + image.get().heightPx()
                + "\" alt=\"" + e(text.t("match.alt")) + "\"/><p class=\"caption\">" + e(text.t("match.caption",
                pin.get().referenceLayer(), request.get().inliers().size())) + "<br/>" + e(pin.get().method())
                + "</p></div>\n");
    }

    private List<Path> layerFiles() {
        try {
            return SavedLayers.read(investigation.directory()).stream().filter(l -> l.kind() == SavedLayers.Kind.FILE)
                    .map(l -> Path.of(l.location())).toList();
        } catch (BadInputException | java.nio.file.InvalidPathException e) {
            LOG.warn("report: the map layers of {} are not readable: {}", investigation.directory(), e.getMessage());
            return List.of();
        }
    }

    private static String e(String s) {
        return HtmlText.escape(s);
    }
}
