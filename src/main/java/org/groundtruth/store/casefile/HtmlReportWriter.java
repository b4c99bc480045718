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
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.store.Investigation;

/**
 * {@code report.html}: one self-contained page (inline CSS, no scripts, no external resources) with, per
 * incident, a summary, the geolocation reasoning and matched features, insignia observations, chronolocation,
 * the review history and the evidence table with SHA-256 hashes. Every user text goes through
 * {@link HtmlText#escape}. A public version leaves out analyst names and exact pin coordinates. The page is
 * also well-formed XML (XHTML), which the PDF renderer needs.
 */
final class HtmlReportWriter {
    private static final String CSS = "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}"
            + "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:2px solid #444;margin-top:2em}"
            + "h3{font-size:1em;margin-bottom:.3em}table{border-collapse:collapse;margin:.5em 0}"
            + "th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;font-size:.9em}"
            + "th{background:#f0f0f0}code{font-size:.85em;word-break:break-all}.status{font-weight:bold}";

    private final Investigation investigation;
    private final boolean publicVersion;
    private final Map<String, String> evidencePaths;

    HtmlReportWriter(Investigation investigation, boolean publicVersion, Map<String, String> evidencePaths) {
        this.investigation = investigation;
        this.publicVersion = publicVersion;
        this.evidencePaths = evidencePaths;
    }

    void write(List<ExportedIncident> rows, Instant createdAt, String createdBy, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Groundtruth case file</title>"
                + "<style>" + CSS + "</style></head><body>\n");
        w.write("<h1>Groundtruth case file</h1>\n<p>" + rows.size() + " incidents; created "
                + e(DateTimeFormatter.ISO_INSTANT.format(createdAt)) + " by " + e(createdBy)
                + ". Every file is listed with its SHA-256 in <code>manifest.json</code>, which is signed "
                + "(<code>manifest.sig</code>, key <code>signer.pub</code>).</p>\n");
        for (ExportedIncident row : rows) {
            incident(w, row);
            w.flush();
        }
        w.write("</body></html>\n");
        w.flush();
    }

    private void incident(Writer w, ExportedIncident row) throws IOException {
        Incident i = row.incident();
        w.write("<h2 id=\"" + e(i.id()) + "\">" + e(i.title()) + "</h2>\n");
        if (!i.description().isEmpty()) {
            w.write("<p>" + e(i.description()).replace("\n", "<br/>") + "</p>\n");
        }
        w.write("<table>");
        tr(w, "Id", i.id());
        trRaw(w, "Status", "<span class=\"status\">" + e(i.status().code()) + "</span>");
        tr(w, "Occurred (UTC)", i.occurredAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse("unknown") + " ("
                + i.timePrecision().code() + ")");
        tr(w, "Place", i.placeName() + (i.admin1().isEmpty() ? "" : ", " + i.admin1()));
        tr(w, "Position (WGS84)", row.position().map(p -> String.format(Locale.ROOT, "%.6f, %.6f", p.lat(), p.lon()))
                .orElse("not geolocated") + row.precisionMeters().map(m -> String.format(Locale.ROOT, " ± %.0f m", m))
                .orElse(""));
        tr(w, "Target / strike", i.targetType().code() + " / " + i.strikeType().code() + ", " + i.strikeSequence().code());
        tr(w, "Killed (responders, civilians)", i.casualties().killedResponders() + ", " + i.casualties().killedCivilians());
        tr(w, "Injured (responders, civilians)", i.casualties().injuredResponders() + ", "
                + i.casualties().injuredCivilians());
        tr(w, "Tags", String.join(", ", i.tags()));
        w.write("</table>\n");
        geolocation(w, i);
        observations(w, i);
        chronolocation(w, i);
        reviews(w, i);
        evidence(w, i);
    }

    private void geolocation(Writer w, Incident i) throws IOException {
        var accepted = investigation.verification().pins(i.id()).stream().filter(GeolocationPin::accepted).findFirst();
        if (accepted.isEmpty()) {
            return;
        }
        GeolocationPin pin = accepted.get();
        w.write("<h3>Geolocation</h3>\n<p>" + e(pin.method()).replace("\n", "<br/>") + "</p>\n<table>");
        tr(w, "Precision", String.format(Locale.ROOT, "± %.0f m", pin.precisionMeters()));
        if (!publicVersion) {
            pin.camera().ifPresent(c -> trQuiet(w, "Camera", String.format(Locale.ROOT,
                    "%.6f, %.6f, bearing %.0f°, field of view %.0f°", c.position().lat(), c.position().lon(),
                    c.bearingDegrees(), c.fieldOfViewDegrees())));
            tr(w, "Analyst", pin.analyst());
        }
        if (!pin.referenceLayer().isEmpty()) {
            tr(w, "Reference imagery", pin.referenceLayer() + pin.referenceCaptureDate().map(d -> " (" + d + ")").orElse(""));
        }
        w.write("</table>\n");
        if (!pin.matchedFeatures().isEmpty()) {
            w.write("<table><tr><th>Matched feature</th><th>Evidence, frame</th>"
                    + (publicVersion ? "" : "<th>Map point</th>") + "</tr>");
            for (MatchedFeature f : pin.matchedFeatures()) {
                w.write("<tr><td>" + e(f.description()) + "</td><td>" + e(f.frame()
                        .map(r -> r.evidenceId() + ", frame " + r.frameNumber()).orElse("")) + "</td>"
                        + (publicVersion ? "" : "<td>" + e(f.mapPoint().toString()) + "</td>") + "</tr>");
            }
            w.write("</table>\n");
        }
    }

    private void observations(Writer w, Incident i) throws IOException {
        List<InsigniaObservation> list = investigation.verification().observations(i.id());
        if (list.isEmpty()) {
            return;
        }
        w.write("<h3>Insignia</h3>\n<table><tr><th>Type</th><th>Confidence</th><th>Evidence, frame</th>"
                + "<th>Box (x, y, w, h)</th><th>Note</th></tr>");
        for (InsigniaObservation o : list) {
            w.write("<tr><td>" + e(o.type().code() + (o.otherText().isEmpty() ? "" : ": " + o.otherText())) + "</td><td>"
                    + e(o.confidence().code()) + "</td><td>" + e(o.evidenceId() + o.frameNumber().map(n -> ", frame " + n)
                    .orElse("")) + "</td><td>" + e(String.format(Locale.ROOT, "%.2f, %.2f, %.2f, %.2f", o.box().x(),
                    o.box().y(), o.box().width(), o.box().height())) + "</td><td>" + e(o.note()) + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private void chronolocation(Writer w, Incident i) throws IOException {
        List<Chronolocation> list = investigation.verification().chronolocations(i.id());
        if (list.isEmpty()) {
            return;
        }
        w.write("<h3>Chronolocation</h3>\n<table><tr><th>Claimed time (UTC)</th><th>Sun azimuth / altitude</th>"
                + "<th>Shadow bearing</th><th>Matching windows</th><th>Note</th></tr>");
        for (Chronolocation c : list) {
            StringBuilder windows = new StringBuilder();
            for (TimeWindow window : c.matchingWindows()) {
                windows.append(window.from()).append(" – ").append(window.to()).append("; ");
            }
            w.write("<tr><td>" + e(c.claimedAt().toString()) + "</td><td>" + e(String.format(Locale.ROOT, "%.1f° / %.1f°",
                    c.sunAzimuthDegrees(), c.sunAltitudeDegrees())) + "</td><td>" + e(c.shadowBearingDegrees()
                    .map(b -> String.format(Locale.ROOT, "%.0f°", b)).orElse("")) + "</td><td>" + e(windows.toString())
                    + "</td><td>" + e(c.note()) + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private void reviews(Writer w, Incident i) throws IOException {
        List<Review> list = investigation.verification().reviews(i.id());
        if (list.isEmpty()) {
            return;
        }
        w.write("<h3>Verification history</h3>\n<table><tr><th>Time (UTC)</th><th>Decision</th>"
                + (publicVersion ? "" : "<th>Proposer</th><th>Reviewer</th>") + "<th>Rationale</th></tr>");
        for (Review r : list) {
            w.write("<tr><td>" + e(r.at().toString()) + "</td><td>" + e(r.decision().code()) + "</td>"
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
        w.write("<h3>Evidence</h3>\n<table><tr><th>Id</th><th>Kind</th><th>Original name</th><th>Bytes</th>"
                + "<th>SHA-256 of the original</th><th>In this case file</th></tr>");
        for (EvidenceItem item : items) {
            w.write("<tr><td>" + e(item.id()) + "</td><td>" + e(item.kind().code()) + "</td><td>" + e(item.originalName())
                    + "</td><td>" + item.sizeBytes() + "</td><td><code>" + e(item.sha256().hex()) + "</code></td><td>"
                    + e(evidencePaths.getOrDefault(item.id(), "not included")) + "</td></tr>");
        }
        w.write("</table>\n");
    }

    private static String e(String text) {
        return HtmlText.escape(text);
    }

    private static void tr(Writer w, String label, String value) throws IOException {
        trRaw(w, label, e(value));
    }

    private static void trQuiet(Writer w, String label, String value) {
        try {
            tr(w, label, value);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static void trRaw(Writer w, String label, String html) throws IOException {
        w.write("<tr><th>" + e(label) + "</th><td>" + html + "</td></tr>");
    }
}
