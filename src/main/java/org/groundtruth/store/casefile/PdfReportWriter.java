package org.groundtruth.store.casefile;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code report.pdf}: the HTML report rendered by openhtmltopdf (PDFBox underneath; pictures from their
 * {@code data:} URIs, the chart's SVG through Batik). The standard PDF fonts have
 * no Cyrillic, so DejaVu Sans is embedded when the system has it (Debian: fonts-dejavu-core, which .ci/run
 * installs); without it Cyrillic letters would print as boxes.
 */
final class PdfReportWriter {
    private static final List<Path> DEJAVU = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/Library/Fonts/DejaVuSans.ttf"),
            Path.of(System.getProperty("user.home"), ".local/share/fonts/DejaVuSans.ttf"),
            Path.of("C:\\Windows\\Fonts\\DejaVuSans.ttf"));

    /**
     * openhtmltopdf and PDFBox log through java.util.logging to stderr by default (font fallbacks, timings);
     * on the command line stderr is for one-line errors, so both are limited to severe problems. The logger is
     * held here because java.util.logging keeps only weak references.
     */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    static {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private PdfReportWriter() {
    }

    static Optional<Path> font() {
        return DEJAVU.stream().filter(Files::isRegularFile).findFirst();
    }

    static void render(Path xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // The monthly chart is inline SVG; without a drawer openhtmltopdf leaves it out.
        builder.useSVGDrawer(new BatikSVGDrawer());
        font().ifPresent(f -> {
            File file = f.toFile();
            builder.useFont(file, "DejaVu Sans");
            // The SHA-256 groups are set in monospace; without the file openhtmltopdf falls back to Courier.
            File mono = f.resolveSibling("DejaVuSansMono.ttf").toFile();
            if (mono.isFile()) {
                builder.useFont(mono, "DejaVu Sans Mono");
            }
        });
        builder.withFile(xhtml.toFile());
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("cannot render the PDF report: " + e.getMessage(), e);
        }
    }
}
