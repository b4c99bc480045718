package org.groundtruth.core.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The monthly bar chart as SVG, written from the numbers rather than traced from pixels: stacked bars, the count
 * and the month-over-month change above each bar, month labels, a legend, a title and the filter that produced the
 * numbers. Plain Java (no toolkit): the dashboard's SVG export, and for the case-file report {@link #inline} (no XML
 * declaration) of {@code IncidentStats.monthly(exportedIncidents, IncidentFilter.ALL, Optional.empty())}.
 */
public final class MonthlyChartSvg {
    /** Colour-blind-safe palette (Okabe–Ito), then greys. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000", "#999999", "#666666");

    private MonthlyChartSvg() {
    }

    /** A standalone SVG document (with the XML declaration). */
    public static String render(MonthlySeries series, String title, String subtitle, Function<String, String> stackLabel,
            int width, int height) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inline(series, title, subtitle, stackLabel, width, height);
    }

    /** The {@code <svg>} element alone, to embed in an HTML page. */
    public static String inline(MonthlySeries series, String title, String subtitle, Function<String, String> stackLabel,
            int width, int height) {
        List<String> stacks = series.stackBy().isPresent() ? series.stackKeys() : List.of("");
        int legendWidth = series.stackBy().isPresent() ? 200 : 0;
        double left = 60;
        double top = 80;
        double right = width - 20 - legendWidth;
        double bottom = height - 50;
        long max = Math.max(1, series.months().stream().mapToLong(MonthCount::total).max().orElse(1));
        long step = niceStep(max);
        long axisMax = (max + step - 1) / step * step;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        text(svg, 20, 30, 18, "bold", "start", title);
        text(svg, 20, 54, 12, "normal", "start", subtitle);
        for (long v = 0; v <= axisMax; v += step) {
            double y = bottom - (bottom - top) * v / axisMax;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d0d7de\""
                    + " stroke-width=\"1\"/>%n", left, y, right, y));
            text(svg, left - 8, y + 4, 11, "normal", "end", Long.toString(v));
        }
        int n = series.months().size();
        double slot = n == 0 ? 0 : (right - left) / n;
        double barWidth = slot * 0.7;
        for (int m = 0; m < n; m++) {
            MonthCount month = series.months().get(m);
            double x = left + m * slot + (slot - barWidth) / 2;
            double y = bottom;
            for (int s = 0; s < stacks.size(); s++) {
                long count = series.stackBy().isPresent() ? month.stacks().getOrDefault(stacks.get(s), 0L) : month.total();
                if (count == 0) {
                    continue;
                }
                double h = (bottom - top) * count / axisMax;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                        + " height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n", x, y, barWidth, h,
                        PALETTE.get(s % PALETTE.size()), escape(month.key() + ": " + stackLabel.apply(stacks.get(s)) + " "
                        + count)));
            }
            String above = month.total() + month.change().map(c -> " (" + c.text() + ")").orElse("");
            text(svg, x + barWidth / 2, y - 6, 11, "bold", "middle", above);
            text(svg, x + barWidth / 2, bottom + 18, 11, "normal", "middle", month.key());
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#57606a\""
                + " stroke-width=\"1\"/>%n", left, bottom, right, bottom));
        if (series.stackBy().isPresent()) {
            for (int s = 0; s < stacks.size(); s++) {
                double ly = top + s * 20;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                        right + 20, ly, PALETTE.get(s % PALETTE.size())));
                text(svg, right + 38, ly + 10, 11, "normal", "start", stackLabel.apply(stacks.get(s)));
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** 1, 2 or 5 times a power of ten, giving about five grid lines. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long f : new long[] {1, 2, 5}) {
                if (max / (step * f) <= 5) {
                    return step * f;
                }
            }
            step *= 10;
        }
    }

    private static void text(StringBuilder svg, double x, double y, int size, String weight, String anchor, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\""
                + " text-anchor=\"%s\" fill=\"#1f2328\">%s</text>%n", x, y, size, weight, anchor, escape(text)));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
