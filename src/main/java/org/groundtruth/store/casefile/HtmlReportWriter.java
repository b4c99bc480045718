package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.casefile.MapFigureRequest;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.casefile.ReportImage;
import org.groundtruth.core.casefile.ReportText;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.ShadowVerdict;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.store.Investigation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code report.html}: one self-contained page (inline CSS, no scripts, no external resources; pictures as
 * {@code data:} URIs, the chart as inline SVG) with a summary of the exported incidents (incidents per month by
 * status, counts per region) and, per incident, a summary, a map, the geolocation reasoning and matched features,
 * insignia observations, the keyframes with the insignia boxes drawn, chronolocation, the review history and the
 * evidence table with SHA-256 hashes. Headings are in the export's language. Every user text goes through
 * {@link HtmlText#escape}. A public version leaves out analyst names, exact pin coordinates, camera positions and
 * frames of evidence it does not carry. The page is also well-formed XML (XHTML), which the PDF renderer needs.
 */
final class HtmlReportWriter {
    /**
     * Maps and keyframes are drawn for this many incidents; later ones get a note. It keeps a 1,000-incident
     * report's size and PDF time bounded (docs/decisions/0602-report-figures.md).
     */
    static final int INCIDENTS_WITH_FIGURES = 250;

    private static final Logger LOG = LoggerFactory.getLogger(HtmlReportWriter.class);
    private static final String CSS = "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}"
            + "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:2px solid #444;margin-top:2em}"
            + "h3{font-size:1em;margin-bottom:.3em}table{border-collapse:collapse;margin:.5em 0}"
            + "th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;font-size:.9em}"
            + "th{background:#f0f0f0}code{font-size:.85em;word-break:break-all;word-wrap:break-word}.status{font-weight:bold}"
            + "img,svg{max-width:100%}.figure{margin:.6em 0;page-break-inside:avoid}"
            + ".caption{font-size:.85em;color:#555;margin:.2em 0}.note{font-style:italic;color:#8a4b00}"
            // Hashes: monospace groups that wrap only between groups; headings stay with what follows them.
            + "code.sha{font-family:'DejaVu Sans Mono',monospace;word-break:normal;word-wrap:normal}"
            + "h1,h2,h3{page-break-after:avoid;break-after:avoid;-fs-page-break-min-height:3.5cm}";

    private final Investigation investigation;
    private final ExportOptions options;
    private final boolean publicVersion;
    private final Map<String, String> evidencePaths;
    private final ReportFigures figures;
    private final ReportText text;
    private final ReportFrames frames;

    HtmlReportWriter(Investigation investigation, ExportOptions options, Map<String, String> evidencePaths,
            ReportFigures figures) {
        this.investigation = investigation;
        this.options = options;
        this.publicVersion = options.isPublic();
        this.evidencePaths = evidencePaths;
        this.figures = figures;
        this.text = ReportText.of(options.language());
        this.frames = new ReportFrames(investigation, figures.frames(), text,
                id -> !publicVersion || evidencePaths.containsKey(id));
    }

    void write(List<ExportedIncident> rows, Instant createdAt, String createdBy, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"" + text.languageTag() + "\"><head><meta charset=\"utf-8\"/><title>"
                + e(text.t("title")) + "</title><style>" + CSS + "</style></head><body>\n");
        w.write("<h1>" + e(text.t("title")) + "</h1>\n<p>" + e(text.t("intro", rows.size(),
                DateTimeFormatter.ISO_INSTANT.format(createdAt), createdBy)) + "</p>\n");
        new ReportSummary(text, options).write(w, rows.stream().map(ExportedIncident::incident).toList());
        int index = 0;
        for (ExportedIncident row : rows) {
            incident(w, row, index++ < INCIDENTS_WITH_FIGURES);
            w.flush();
        }
        w.write("</body></html>\n");
        w.flush();
    }

    private void incident(Writer w, ExportedIncident row, boolean withFigures) throws IOException {
        Incident i = row.incident();
        w.write("<h2 id=\"" + e(i.id()) + "\">" + e(i.title()) + "</h2>\n");
        if (!i.description().isEmpty()) {
            w.write("<p>" + e(i.description()).replace("\n", "<br/>") + "</p>\n");
        }
        w.write("<table>");
        tr(w, text.t("field.id"), i.id());
        trRaw(w, text.t("field.status"), "<span class=\"status\">" + e(text.label(i.status())) + "</span>");
        tr(w, text.t("field.occurred"), i.occurredAt().map(DateTimeFormatter.ISO_INSTANT::format)
                .orElse(text.t("value.unknown")) + " (" + text.label(i.timePrecision()) + ")");
        tr(w, text.t("field.place"), i.placeName() + (i.admin1().isEmpty() ? "" : ", " + i.admin1()));
        tr(w, text.t("field.position"), row.position().map(p -> String.format(Locale.ROOT, "%.6f, %.6f", p.lat(),
                p.lon())).orElse(text.t("value.notGeolocated")) + row.precisionMeters()
                .map(m -> String.format(Locale.ROOT, " ± %.0f m", m)).orElse(""));
        tr(w, text.t("field.target"), text.label(i.targetType()) + " / " + text.label(i.strikeType()) + ", "
                + text.label(i.strikeSequence()));
        tr(w, text.t("field.killed"), i.casualties().killedResponders() + ", " + i.casualties().killedCivilians());
        tr(w, text.t("field.injured"), i.casualties().injuredResponders() + ", " + i.casualties().injuredCivilians());
        tr(w, text.t("field.tags"), String.join(", ", i.tags()));
        w.write("</table>\n");
        if (withFigures) {
            map(w, row);
        } else if (row.position().isPresent()) {
            w.write("<p class=\"note\">" + e(text.t("figures.capped", INCIDENTS_WITH_FIGURES)) + "</p>\n");
        }
        Optional<GeolocationPin> pin = investigation.verification().pins(i.id()).stream()
                .filter(GeolocationPin::accepted).findFirst();
        List<InsigniaObservation> observations = investigation.verification().observations(i.id());
        geolocation(w, pin);
        if (withFigures && !publicVersion) {
            new ReportMatchOverlay(investigation, figures.matches(), text).write(w, pin);
        }
        observations(w, observations);
        if (withFigures) {
            frames.write(w, pin, observations);
        }
        chronolocation(w, i);
        reviews(w, i);
        redFlags(w, i);
        evidence(w, i);
    }

    /**
     * Where the evidence contradicts the claim, each flag with its explanation (or "not explained"): flags are
     * listed, never hidden. The public version leaves out the details (they can carry an item's GPS), the analysts'
     * names and flags on items it does not carry.
     */
    private void redFlags(Writer w, Incident i) throws IOException {
        List<org.groundtruth.core.checks.CheckedFlag> flags = investigation.checks().check(i.id());
        if (publicVersion) {
            flags = flags.stream().filter(f -> evidencePaths.containsKey(f.flag().evidenceId())).toList();
        }
        if (flags.isEmpty()) {
            return;
        }
        w.write("<h3>" + e(text.t("section.redFlags")) + "</h3>\n<table><tr><th>" + e(text.t("column.flag"))
                + "</th><th>" + e(text.t("column.evidence")) + "</th>" + (publicVersion ? "" : "<th>"
                + e(text.t("column.detail")) + "</th>") + "<th>" + e(text.t("column.explanation")) + "</th></tr>");
        for (var f : flags) {
            String explanation = f.explanation().map(x -> x.rationale() + (publicVersion ? "" : " — " + x.analyst())
                    + ", " + DateTimeFormatter.ISO_INSTANT.format(x.explainedAt()))
                    .orElse(text.t(f.flag().kind().blocking() ? "value.unexplained" : "value.informational"));
            w.write("<tr class=\"flag-" + e(f.flag().kind().kebab()) + "\"><td>" + e(text.label(f.flag().kind()))
                    + "</td><td>" + e(f.flag().evidenceId()) + "</td>" + (publicVersion ? ""
                    : "<td>" + e(f.flag().detail()) + "</td>") + "<td" + (f.blocksVerification()
                    ? " class=\"note\"" : "") + ">" + e(explanation) + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private void map(Writer w, ExportedIncident row) throws IOException {
        if (row.position().isEmpty()) {
            return;
        }
        Optional<ReportImage> image;
        try {
            image = figures.maps().map(new MapFigureRequest(row.position().get(), row.precisionMeters(),
                    publicVersion ? Optional.empty() : row.camera()));
        } catch (RuntimeException ex) {
            LOG.warn("report: no map of {}: {}", row.incident().id(), ex.getMessage(), ex);
            w.write("<p class=\"note\">" + e(text.t("map.failed", String.valueOf(ex.getMessage()))) + "</p>\n");
            return;
        }
        if (image.isPresent()) {
            String caption = row.precisionMeters().isEmpty() ? text.t("map.captionPosition")
                    : text.t(row.camera().isPresent() && !publicVersion ? "map.captionCamera" : "map.caption");
            w.write("<div class=\"figure\"><img class=\"map\" src=\"" + image.get().dataUri() + "\" width=\""
                    + image.get().widthPx() + "\" height=\"" + image.get().heightPx() + "\" alt=\""
                    + e(text.t("map.alt")) + "\"/><p class=\"caption\">" + e(caption) + "</p></div>\n");
        }
    }

    private void geolocation(Writer w, Optional<GeolocationPin> accepted) throws IOException {
        if (accepted.isEmpty()) {
            return;
        }
        GeolocationPin pin = accepted.get();
        w.write("<h3>" + e(text.t("section.geolocation")) + "</h3>\n<p>" + e(pin.method()).replace("\n", "<br/>")
                + "</p>\n<table>");
        tr(w, text.t("field.precision"), String.format(Locale.ROOT, "± %.0f m", pin.precisionMeters()));
        if (!publicVersion) {
            if (pin.camera().isPresent()) {
                var c = pin.camera().get();
                tr(w, text.t("field.camera"), text.t("value.camera", String.format(Locale.ROOT, "%.6f, %.6f",
                        c.position().lat(), c.position().lon()), String.format(Locale.ROOT, "%.0f", c.bearingDegrees()),
                        String.format(Locale.ROOT, "%.0f", c.fieldOfViewDegrees())));
            }
            tr(w, text.t("field.analyst"), pin.analyst());
        }
        if (!pin.referenceLayer().isEmpty()) {
            tr(w, text.t("field.reference"), pin.referenceLayer() + pin.referenceCaptureDate().map(d -> " (" + d + ")")
                    .orElse(""));
        }
        w.write("</table>\n");
        if (!pin.matchedFeatures().isEmpty()) {
            w.write("<table><tr><th>" + e(text.t("column.feature")) + "</th><th>" + e(text.t("column.evidenceFrame"))
                    + "</th>" + (publicVersion ? "" : "<th>" + e(text.t("column.mapPoint")) + "</th>") + "</tr>");
            for (MatchedFeature f : pin.matchedFeatures()) {
                w.write("<tr><td>" + e(f.description()) + "</td><td>" + e(f.frame()
                        .map(r -> text.t("frame.videoFrame", r.evidenceId(), String.valueOf(r.frameNumber())))
                        .orElse("")) + "</td>" + (publicVersion ? "" : "<td>" + e(f.mapPoint().toString()) + "</td>")
                        + "</tr>");
            }
            w.write("</table>\n");
        }
    }

    private void observations(Writer w, List<InsigniaObservation> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        w.write("<h3>" + e(text.t("section.insignia")) + "</h3>\n<table><tr><th>" + e(text.t("column.type"))
                + "</th><th>" + e(text.t("column.confidence")) + "</th><th>" + e(text.t("column.evidenceFrame"))
                + "</th><th>" + e(text.t("column.box")) + "</th><th>" + e(text.t("column.note")) + "</th></tr>");
        for (InsigniaObservation o : list) {
            w.write("<tr><td>" + e(text.label(o.type()) + (o.otherText().isEmpty() ? "" : ": " + o.otherText()))
                    + "</td><td>" + e(text.label(o.confidence())) + "</td><td>" + e(o.frameNumber()
                    .map(n -> text.t("frame.videoFrame", o.evidenceId(), String.valueOf(n))).orElse(o.evidenceId()))
                    + "</td><td>" + e(String.format(Locale.ROOT, "%.2f, %.2f, %.2f, %.2f", o.box().x(), o.box().y(),
                    o.box().width(), o.box().height())) + "</td><td>" + e(o.note()) + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private void chronolocation(Writer w, Incident i) throws IOException {
        List<Chronolocation> list = investigation.verification().chronolocations(i.id());
        if (list.isEmpty()) {
            return;
        }
        w.write("<h3>" + e(text.t("section.chronolocation")) + "</h3>\n<table><tr><th>" + e(text.t("column.claimed"))
                + "</th><th>" + e(text.t("column.sun")) + "</th><th>" + e(text.t("column.shadow")) + "</th><th>"
                + e(text.t("column.windows")) + "</th><th>" + e(text.t("column.verdict")) + "</th><th>"
                + e(text.t("column.note")) + "</th></tr>");
        for (Chronolocation c : list) {
            StringBuilder windows = new StringBuilder();
            for (TimeWindow window : c.matchingWindows()) {
                windows.append(window.from()).append(" – ").append(window.to()).append("; ");
            }
            w.write("<tr><td>" + e(c.claimedAt().toString()) + "</td><td>" + e(String.format(Locale.ROOT, "%.1f° / %.1f°",
                    c.sunAzimuthDegrees(), c.sunAltitudeDegrees())) + "</td><td>" + e(c.shadowBearingDegrees()
                    .map(b -> String.format(Locale.ROOT, "%.0f°", b)).orElse("")) + "</td><td>" + e(windows.toString())
                    + "</td><td>" + e(ShadowVerdict.of(c).map(this::verdict).orElse("")) + "</td><td>" + e(c.note())
                    + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private String verdict(ShadowVerdict v) {
        return v.windows().isEmpty() ? text.t("verdict.never", v.bearingText(), v.claimedText())
                : text.t(v.claimedTimeFits() ? "verdict.fits" : "verdict.misfit", v.bearingText(), v.windowsText(),
                        v.claimedText());
    }

    private void reviews(Writer w, Incident i) throws IOException {
        List<Review> list = investigation.verification().reviews(i.id());
        if (list.isEmpty()) {
            return;
        }
        w.write("<h3>" + e(text.t("section.history")) + "</h3>\n<table><tr><th>" + e(text.t("column.time"))
                + "</th><th>" + e(text.t("column.decision")) + "</th>" + (publicVersion ? "" : "<th>"
                + e(text.t("column.proposer")) + "</th><th>" + e(text.t("column.reviewer")) + "</th>") + "<th>"
                + e(text.t("column.rationale")) + "</th></tr>");
        for (Review r : list) {
            w.write("<tr><td>" + e(r.at().toString()) + "</td><td>" + e(text.label(r.decision())) + "</td>"
                    + (publicVersion ? "" : "<td>" + e(r.proposer()) + "</td><td>" + e(r.reviewer().orElse("")) + "</td>")
                    + "<td>" + e(r.rationale()) + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private void evidence(Writer w, Incident i) throws IOException {
        List<EvidenceItem> items = investigation.evidence().forIncident(i.id());
        if (publicVersion) {
            items = items.stream().filter(item -> evidencePaths.containsKey(item.id())).toList();
        }
        if (items.isEmpty()) {
            return;
        }
        new ReportSources(investigation, text, publicVersion).write(w, items);
        w.write("<h3>" + e(text.t("section.evidence")) + "</h3>\n<table><tr><th>" + e(text.t("field.id")) + "</th><th>"
                + e(text.t("column.kind")) + "</th><th>" + e(text.t("column.originalName")) + "</th><th>"
                + e(text.t("column.bytes")) + "</th><th>" + e(text.t("column.sha256")) + "</th><th>"
                + e(text.t("column.inCaseFile")) + "</th></tr>");
        for (EvidenceItem item : items) {
            w.write("<tr><td>" + e(item.id()) + "</td><td>" + e(text.label(item.kind())) + "</td><td>"
                    + e(item.originalName()) + "</td><td>" + item.sizeBytes() + "</td><td><code class=\"sha\" title=\""
                    + e(item.sha256().hex()) + "\">" + e(grouped(item.sha256().hex())) + "</code></td><td>" + e(evidencePaths.getOrDefault(item.id(), text.t("value.notIncluded")))
                    + "</td></tr>");
        }
        w.write("</table>\n");
    }

    /** A hash in groups of eight, "9f86d081 884c7d65 …": it wraps only between groups, eight lines at most. */
    static String grouped(String hex) {
        StringBuilder out = new StringBuilder(hex.length() + hex.length() / 8);
        for (int i = 0; i < hex.length(); i += 8) {
            out.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 8));
        }
        return out.toString();
    }

    private static String e(String text) {
        return HtmlText.escape(text);
    }

    private static void tr(Writer w, String label, String value) throws IOException {
        trRaw(w, label, e(value));
    }

    private static void trRaw(Writer w, String label, String html) throws IOException {
        w.write("<tr><th>" + e(label) + "</th><td>" + html + "</td></tr>");
    }
}
