package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.casefile.ReportText;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.store.Investigation;

/**
 * The report's provenance of one incident: for each source its platform, account, post URL and time, caption and
 * translation, and which evidence items came from it, collected by whom and when. The public version has no
 * such section: like its missing records.jsonl, it leaves out accounts, captions and analysts' names.
 */
final class ReportSources {
    private final Investigation investigation;
    private final ReportText text;
    private final boolean publicVersion;

    ReportSources(Investigation investigation, ReportText text, boolean publicVersion) {
        this.investigation = investigation;
        this.text = text;
        this.publicVersion = publicVersion;
    }

    /** Writes the section for {@code items} (the incident's evidence in this report); nothing when none has a source. */
    void write(Writer w, List<EvidenceItem> items) throws IOException {
        if (publicVersion) {
            return; // the public version carries no records: accounts and captions can name people
        }
        Map<String, List<EvidenceItem>> bySource = new LinkedHashMap<>();
        for (EvidenceItem item : items) {
            item.sourceId().ifPresent(id -> bySource.computeIfAbsent(id, k -> new ArrayList<>()).add(item));
        }
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, List<EvidenceItem>> entry : bySource.entrySet()) {
            Optional<Source> source = investigation.evidence().source(entry.getKey());
            source.ifPresent(s -> rows.add(row(s, entry.getValue())));
        }
        if (rows.isEmpty()) {
            return;
        }
        w.write("<h3>" + e(text.t("section.sources")) + "</h3>\n<table><tr><th>" + e(text.t("column.post"))
                + "</th><th>" + e(text.t("column.caption")) + "</th><th>" + e(text.t("column.collected"))
                + "</th></tr>");
        for (String row : rows) {
            w.write(row);
        }
        w.write("</table>\n");
    }

    private String row(Source s, List<EvidenceItem> items) {
        StringBuilder post = new StringBuilder();
        line(post, text.t("field.platform"), s.platform());
        line(post, text.t("field.account"), s.account());
        line(post, text.t("field.postUrl"), s.postUrl());
        line(post, text.t("field.posted"), s.postedAt().map(ReportSources::utc).orElse(text.t("value.unknown")));
        StringBuilder caption = new StringBuilder();
        if (!s.caption().isBlank()) {
            caption.append(e(s.caption()).replace("\n", "<br/>"));
        }
        if (!s.translation().isBlank()) {
            caption.append(caption.isEmpty() ? "" : "<br/>").append("<i>").append(e(text.t("field.translation",
                    s.language().isBlank() ? "?" : s.language()))).append("</i> ")
                    .append(e(s.translation()).replace("\n", "<br/>"));
        }
        StringBuilder collected = new StringBuilder();
        for (EvidenceItem item : items) {
            collected.append(collected.isEmpty() ? "" : "<br/>").append(e(item.originalName())).append(": ")
                    .append(e(text.t("value.collected", item.collectedBy(), utc(item.collectedAt()))));
        }
        return "<tr><td>" + post + "</td><td>" + caption + "</td><td>" + collected + "</td></tr>";
    }

    private static void line(StringBuilder html, String label, String value) {
        if (value.isBlank()) {
            return;
        }
        html.append(html.isEmpty() ? "" : "<br/>").append("<b>").append(e(label)).append(":</b> ").append(e(value));
    }

    private static String utc(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    private static String e(String s) {
        return HtmlText.escape(s);
    }
}
