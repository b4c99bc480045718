package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.insignia.EmblemTemplate;
import org.groundtruth.core.insignia.MatchMethod;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.groundtruth.media.insignia.EmblemComposer;
import org.groundtruth.media.insignia.StarterEmblems;
import org.groundtruth.media.insignia.SyntheticVideo;
import org.groundtruth.media.insignia.TessdataLocator;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan tab's library and markings (issue 18): a template cut from a box the analyst dragged on a video frame
 * (source: the evidence item and frame) finds that emblem in the rest of the video; an SVG emblem is drawn and
 * imported, a broken one refused with one line and nothing stored; text markings typed in the tab are read by OCR
 * and listed like emblem candidates, and accepting one records it with the chosen type.
 */
class ScanTemplatesTest {
    private static final String ANALYST = "Марко";
    /**
     * The Red Cross as an SVG file would carry it (arms one fifth of the span, the emblem red of the starter set), on
     * a transparent ground. With pure #ff0000 it scored below 0.70 against the crimson emblem (decision 1810).
     */
    private static final String RED_CROSS_SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300">
              <!-- Червоний Хрест -->
              <path fill="#e4001b" d="M120 0 H180 V120 H300 V180 H180 V300 H120 V180 H0 V120 H120 Z"/>
            </svg>
            """;

    @TempDir
    Path tmp;

    @Test
    void aBoxDraggedOnAFrameBecomesATemplateThatFindsTheEmblem() throws Exception {
        Path video = tmp.resolve("drone.mp4");
        EmblemComposer.Composed composed = videoWithCross(video);
        try (Investigation inv = TestInvestigations.open(tmp.resolve("inv"))) {
            EvidenceItem item = importItem(inv, video);
            ScanViewModel vm = viewModel(inv);
            vm.use(Optional.of(item));
            VideoFrame frame;
            try (VideoDecoder d = VideoDecoder.open(inv.evidence().originalPath(item))) {
                frame = d.frame(15);
            }
            var t = composed.truth();
            NormalizedBox box = new NormalizedBox((double) t.x() / frame.width(), (double) t.y() / frame.height(),
                    (double) t.width() / frame.width(), (double) t.height() / frame.height());

            vm.addTemplateFromBox(new ScanViewModel.DrawnTemplate(item.id(), Optional.of(15L), box,
                    frame::toBufferedImage), "  Хрест з кадру ", InsigniaType.RED_CROSS);

            assertThat(vm.templates()).extracting(c -> c.template().name()).containsExactly("Хрест з кадру");
            EmblemTemplate template = vm.templates().get(0).template();
            assertThat(template.source()).isEqualTo("evidence " + item.id() + " frame 15");
            assertThat(template.type()).isEqualTo(InsigniaType.RED_CROSS);
            assertThat(vm.messageProperty().get()).startsWith("Template Хрест з кадру added to the library");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(inv.insigniaScans().picture(template.id())));
            assertThat(png.getWidth()).isBetween(t.width(), t.width() + 2);
            assertThat(png.getHeight()).isBetween(t.height(), t.height() + 2);

            vm.everyNthProperty().set(3);
            vm.scan();
            assertThat(vm.candidates()).hasSize(1);
            ScanCandidate found = vm.candidates().get(0);
            assertThat(found.template()).isEqualTo("Хрест з кадру");
            assertThat(found.firstFrame().orElseThrow()).isBetween(10L, 12L);
            assertThat(found.lastFrame().orElseThrow()).isBetween(27L, 29L);
            assertThat(found.box().x()).isCloseTo(box.x(), org.assertj.core.data.Offset.offset(0.02));
        }
    }

    @Test
    void aBoxTooSmallOrANameTakenIsRefusedAndNothingIsStored() throws Exception {
        Path video = tmp.resolve("drone.mp4");
        videoWithCross(video);
        try (Investigation inv = TestInvestigations.open(tmp.resolve("inv"))) {
            EvidenceItem item = importItem(inv, video);
            ScanViewModel vm = viewModel(inv);
            vm.use(Optional.of(item));
            BufferedImage picture = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
            // 0.01 of 640x360 is 6x3 px
            vm.addTemplateFromBox(new ScanViewModel.DrawnTemplate(item.id(), Optional.of(3L),
                    new NormalizedBox(0.5, 0.5, 0.01, 0.01), () -> picture), "Крихта", InsigniaType.DSNS_EMBLEM);
            assertThat(vm.messageProperty().get()).isEqualTo(
                    "Template not added: the box is 7x4 px of the picture; a template needs at least 12 px each way");
            assertThat(inv.insigniaScans().templates()).isEmpty();

            vm.addTemplateFromBox(new ScanViewModel.DrawnTemplate(item.id(), Optional.empty(),
                    new NormalizedBox(0.1, 0.1, 0.2, 0.2), () -> picture), " ", InsigniaType.DSNS_EMBLEM);
            assertThat(vm.messageProperty().get()).isEqualTo(EvidenceText.t("scan.nameNeeded"));

            vm.loadTemplates();
            vm.addTemplateFromBox(new ScanViewModel.DrawnTemplate(item.id(), Optional.empty(),
                    new NormalizedBox(0.1, 0.1, 0.2, 0.2), () -> picture), "Red Cross", InsigniaType.DSNS_EMBLEM);
            assertThat(vm.messageProperty().get()).isEqualTo(
                    "Template not added: a template named Red Cross is already in the library");
            assertThat(vm.templates()).hasSize(3);
            assertThat(inv.insigniaScans().templates()).hasSize(3);
            assertThat(inv.custody().verify().firstBadSequence()).isEmpty();
        }
    }

    @Test
    void anSvgEmblemIsDrawnImportedAndFound() throws Exception {
        Path video = tmp.resolve("drone.mp4");
        videoWithCross(video);
        Path svg = tmp.resolve("червоний-хрест.svg");
        Files.writeString(svg, RED_CROSS_SVG, StandardCharsets.UTF_8);
        Path broken = tmp.resolve("broken.svg");
        Files.writeString(broken, "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0 L10", StandardCharsets.UTF_8);
        try (Investigation inv = TestInvestigations.open(tmp.resolve("inv"))) {
            EvidenceItem item = importItem(inv, video);
            ScanViewModel vm = viewModel(inv);
            vm.use(Optional.of(item));

            vm.importTemplate(broken, InsigniaType.RED_CROSS);
            assertThat(vm.messageProperty().get()).startsWith("Template not added: broken.svg: the SVG cannot be drawn: ")
                    .doesNotContain("\n");
            assertThat(inv.insigniaScans().templates()).isEmpty();

            vm.importTemplate(svg, InsigniaType.RED_CROSS);
            assertThat(vm.templates()).hasSize(1);
            EmblemTemplate template = vm.templates().get(0).template();
            assertThat(template.name()).isEqualTo("червоний-хрест");
            assertThat(template.source()).isEqualTo("file червоний-хрест.svg");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(inv.insigniaScans().picture(template.id())));
            assertThat(png.getWidth()).isEqualTo(128);
            assertThat(png.getHeight()).isEqualTo(128);
            assertThat(new Color(png.getRGB(64, 64), true)).isEqualTo(new Color(0xe4, 0x00, 0x1b, 255));
            // the transparent ground is drawn white: a flat emblem under its own mask would have nothing to correlate
            assertThat(new Color(png.getRGB(5, 5), true)).isEqualTo(Color.WHITE);

            vm.everyNthProperty().set(3);
            vm.scan();
            assertThat(vm.candidates()).extracting(ScanCandidate::template).containsExactly("червоний-хрест");
        }
    }

    @Test
    void markingsTypedInTheTabAreReadAndListedLikeEmblems() throws Exception {
        assumeTrue(TessdataLocator.find(List.of("ukr", "eng")).isPresent(), TessdataLocator.howToInstall());
        Path photo = tmp.resolve("борт.png");
        java.awt.Rectangle panel = paintMarking(photo, "ДСНС");
        try (Investigation inv = TestInvestigations.open(tmp.resolve("inv"))) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по рятувальниках"), ANALYST, "");
            EvidenceItem item = inv.evidence().importFile(photo, new ImportRequest(Optional.of(incident.id()),
                    Optional.empty(), Sensitivity.PUBLIC), ANALYST, ProgressMonitor.NONE).item();
            ScanViewModel vm = viewModel(inv);
            vm.setIncident(() -> Optional.of(incident.id()));
            vm.use(Optional.of(item));
            assertThat(ScanViewModel.markingWords(" ДСНС, 101;; ДСНС ,")).containsExactly("ДСНС", "101");

            vm.markingsProperty().set("ДСНС, 101");
            vm.scan(); // no template in the library: the markings alone are looked for
            assertThat(vm.candidates()).hasSize(1);
            ScanCandidate read = vm.candidates().get(0);
            assertThat(read.method()).isEqualTo(MatchMethod.OCR);
            assertThat(read.template()).isEqualTo("ДСНС");
            assertThat(read.frame()).isEmpty();
            double cx = (read.box().x() + read.box().width() / 2) * 960;
            double cy = (read.box().y() + read.box().height() / 2) * 540;
            assertThat(panel.contains(cx, cy)).as("centre %s,%s in %s", cx, cy, panel).isTrue();
            assertThat(ScanView.describe(read)).startsWith("photo  ·  ДСНС  ·  ").contains("«");

            vm.markingTypeProperty().set(InsigniaType.RESCUE_LETTERING);
            vm.accept(read);
            InsigniaObservation o = inv.verification().observations(incident.id()).get(0);
            assertThat(o.type()).isEqualTo(InsigniaType.RESCUE_LETTERING);
            assertThat(o.note()).startsWith("found by scan (template ДСНС, score ").contains("read \"");
        }
    }

    private ScanViewModel viewModel(Investigation inv) {
        return new ScanViewModel(EvidenceAccess.of(() -> Optional.of(inv), () -> ANALYST), new InlineBackground(),
                Runnable::run);
    }

    private static EvidenceItem importItem(Investigation inv, Path file) {
        return inv.evidence().importFile(file, new ImportRequest(Optional.empty(), Optional.empty(), Sensitivity.PUBLIC),
                ANALYST, ProgressMonitor.NONE).item();
    }

    /** 40 frames of a real scene at 640x360; a 48 px upright Red Cross in frames 10..29. */
    private static EmblemComposer.Composed videoWithCross(Path file) throws Exception {
        VideoFrame background;
        try (VideoDecoder d = VideoDecoder.open(SharedMedia.file("video/with-gps.mp4"))) {
            background = EmblemComposer.resized(d.frame(0), 640, 360);
        }
        EmblemComposer.Composed composed = EmblemComposer.compose(background, StarterEmblems.all().get(0).png(),
                EmblemComposer.Distortion.plain(48), new Random(7));
        try (SyntheticVideo out = new SyntheticVideo(file, 640, 360, 25, 1_000_000)) {
            for (int n = 0; n < 40; n++) {
                out.add(n >= 10 && n < 30 ? composed.frame() : background);
            }
        }
        return composed;
    }

    /** A 960x540 photo of a real scene with {@code marking} in dark red on a light panel; the panel's box. */
    private static java.awt.Rectangle paintMarking(Path file, String marking) throws Exception {
        BufferedImage background;
        try (VideoDecoder d = VideoDecoder.open(SharedMedia.file("video/gopro-max-heromode.mp4"))) {
            background = EmblemComposer.resized(d.frame(0), 960, 540).toBufferedImage();
        }
        BufferedImage image = new BufferedImage(960, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(background, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        int textW = g.getFontMetrics().stringWidth(marking);
        java.awt.Rectangle panel = new java.awt.Rectangle(300, 200, textW + 80, 100);
        g.setColor(new Color(236, 236, 230));
        g.fill(panel);
        g.setColor(new Color(170, 20, 30));
        g.drawString(marking, 340, 272);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return panel;
    }
}
