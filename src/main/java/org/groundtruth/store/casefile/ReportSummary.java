package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Coded;
import org.groundtruth.core.analysis.CountRow;
import org.groundtruth.core.analysis.CountTable;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.IncidentStats;
import org.groundtruth.core.analysis.MonthlyChartSvg;
import org.groundtruth.core.analysis.MonthlySeries;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.casefile.ReportText;
import org.groundtruth.core.geo.UkrainianRegions;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * The report's summary of the exported incidents: incidents per month stacked by status (inline SVG, which the
 * PDF renders through Batik) and counts per admin-1 region. The caption says which incidents are counted, in the
 * words of the export's own filter.
 */
final class ReportSummary {
    static final int CHART_WIDTH = 680;
    static final int CHART_HEIGHT = 340;

    private final ReportText text;
    private final ExportOptions options;

    ReportSummary(ReportText text, ExportOptions options) {
        this.text = text;
        this.options = options;
    }

    void write(Writer w, List<Incident> incidents) throws IOException {
        w.write("<h2 id=\"summary\">" + e(text.t("section.summary")) + "</h2>\n");
        String counted = text.t("chart.counted", incidents.size(), filterText());
        MonthlySeries series = IncidentStats.monthly(incidents, IncidentFilter.ALL, Optional.of(StatsDimension.STATUS));
        if (series.months().isEmpty()) {
            w.write("<p>" + e(text.t("chart.noTimes", counted)) + "</p>\n");
        } else {
            // The filter goes in the caption (page text, searchable in the PDF) rather than in the SVG's subtitle.
            w.write("<div class=\"chart\">" + MonthlyChartSvg.inline(series, text.t("chart.title"), "",
                    code -> text.label(Coded.parse(VerificationStatus.class, code, "status")), CHART_WIDTH,
                    CHART_HEIGHT) + "</div>\n");
            w.write("<p class=\"caption\">" + e(series.withoutTime() == 0 ? text.t("chart.caption", counted)
                    : text.t("chart.captionWithoutTime", counted, series.withoutTime())) + "</p>\n");
        }
        regions(w, IncidentStats.count(incidents, IncidentFilter.ALL, StatsDimension.ADMIN1));
    }

    private void regions(Writer w, CountTable table) throws IOException {
        if (table.rows().isEmpty()) {
            return;
        }
        w.write("<table class=\"regions\"><tr><th>" + e(text.t("regions.region")) + "</th><th>"
                + e(text.t("regions.incidents")) + "</th></tr>");
        for (CountRow row : table.rows()) {
            w.write("<tr><td>" + e(UkrainianRegions.display(row.key(), text.languageTag())) + "</td><td>" + row.count()
                    + "</td></tr>");
        }
        if (table.skipped() > 0) {
            w.write("<tr><td>" + e(text.t("regions.none")) + "</td><td>" + table.skipped() + "</td></tr>");
        }
        w.write("</table>\n");
    }

    /** The export filter in words: which statuses, whether chosen incidents only, whether the public version. */
    String filterText() {
        List<String> parts = new ArrayList<>();
        if (!options.statuses().isEmpty()) {
            parts.add(text.t("filter.status", String.join(", ", options.statuses().stream().sorted()
                    .map(text::label).toList())));
        }
        if (!options.incidentIds().isEmpty()) {
            parts.add(text.t("filter.chosen", options.incidentIds().size()));
        }
        if (options.isPublic()) {
            parts.add(text.t("filter.public"));
        }
        return parts.isEmpty() ? text.t("filter.all") : String.join("; ", parts);
    }

    private static String e(String s) {
        return HtmlText.escape(s);
    }
}
