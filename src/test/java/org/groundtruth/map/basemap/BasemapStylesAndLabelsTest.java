package org.groundtruth.map.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.offline.ViewRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped basemap drawn as views over Kherson and Kharkiv, light and dark: the dark style is dark, the two differ,
 * and the place labels of a view never overlap each other (also across tile and block edges) and carry one script per
 * line, the UI language's first.
 */
class BasemapStylesAndLabelsTest {
    private static final LatLon KHERSON = new LatLon(46.6354, 32.6169);
    private static final LatLon KHARKIV = new LatLon(49.9935, 36.2304);
    /** At zoom 6 Moscow lies one pixel below a placement block's edge. */
    private static final LatLon MOSCOW = new LatLon(55.75, 37.62);
    private static final int W = 1200;
    private static final int H = 800;
    private static BasemapRenderer english;
    private static BasemapRenderer ukrainian;

    @BeforeAll
    static void open() {
        english = BasemapRenderer.open(TestData.maps(BasemapBuilder.FILE_NAME));
        ukrainian = BasemapRenderer.open(TestData.maps(BasemapBuilder.FILE_NAME), true);
    }

    @AfterAll
    static void close() {
        english.close();
        ukrainian.close();
    }

    @Test
    void darkViewsAreDarkAndDifferFromLight() throws Exception {
        for (LatLon centre : List.of(KHERSON, KHARKIV)) {
            for (int zoom : new int[] {6, 11}) {
                BufferedImage light = view(english, centre, zoom, MapStyle.LIGHT);
                BufferedImage dark = view(english, centre, zoom, MapStyle.DARK);
                double lightLum = meanLuminance(light);
                double darkLum = meanLuminance(dark);
                assertThat(darkLum).as("dark mean luminance at %s z%d", centre, zoom).isLessThan(60);
                assertThat(lightLum).as("light mean luminance at %s z%d", centre, zoom).isGreaterThan(170);
                assertThat(differingPixels(light, dark)).as("light and dark differ").isGreaterThan(W * H * 9 / 10);
            }
        }
    }

    @Test
    void placeLabelsOfAViewNeverOverlapAndStayInOneScriptPerLine() throws Exception {
        int labelled = 0;
        for (BasemapRenderer renderer : List.of(english, ukrainian)) {
            for (LatLon centre : List.of(KHERSON, KHARKIV, MOSCOW)) {
                for (int zoom : new int[] {3, 5, 6, 8, 11}) {
                    view(renderer, centre, zoom, MapStyle.DARK);
                    double world = WebMercator.worldSize(zoom);
                    double left = WebMercator.normX(centre.lon()) * world - W / 2.0;
                    double top = WebMercator.normY(centre.lat()) * world - H / 2.0;
                    List<PlaceLabels.Placed> placed = renderer.placedLabels(zoom, left, top, W, H);
                    assertThat(placed).as("labels at %s z%d", centre, zoom).isNotEmpty();
                    labelled += placed.size();
                    for (int i = 0; i < placed.size(); i++) {
                        Rectangle2D a = placed.get(i).box();
                        for (int j = i + 1; j < placed.size(); j++) {
                            assertThat(a.intersects(placed.get(j).box())).as("%s overlaps %s at z%d", text(placed.get(i)),
                                    text(placed.get(j)), zoom).isFalse();
                        }
                        oneScriptPerLine(placed.get(i), renderer == ukrainian);
                    }
                }
            }
        }
        assertThat(labelled).isGreaterThan(40);
    }

    @Test
    void aCapitalOnABlockEdgeIsStillLabelled() throws Exception {
        for (int zoom : new int[] {4, 5, 6, 7}) {
            view(english, MOSCOW, zoom, MapStyle.LIGHT);
            double world = WebMercator.worldSize(zoom);
            double x = WebMercator.normX(MOSCOW.lon()) * world;
            double y = WebMercator.normY(MOSCOW.lat()) * world;
            assertThat(english.placedLabels(zoom, x - 200, y - 200, 400, 400))
                    .as("Moscow labelled at zoom %d", zoom)
                    .anyMatch(p -> p.lines().get(0).text().equals("Moscow"));
        }
    }

    @Test
    void theUiLanguageLeadsAndTheOtherScriptFollows() {
        assertThat(LabelPair.of("Kyiv", "Київ", false)).contains(new LabelPair("Kyiv", Optional.of("Київ")));
        assertThat(LabelPair.of("Kyiv", "Київ", true)).contains(new LabelPair("Київ", Optional.of("Kyiv")));
        // a source name mixing scripts is split: never "Ryasno, Рясно, Расна" on one line
        assertThat(LabelPair.of("Ryasno, Рясно, Расна", null, false)).contains(new LabelPair("Ryasno", Optional.of("Рясно")));
        assertThat(LabelPair.of("Ryasno, Рясно, Расна", null, true)).contains(new LabelPair("Рясно", Optional.of("Ryasno")));
        // one name only: one line, whatever the script
        assertThat(LabelPair.of("Октябрьский", null, false)).contains(new LabelPair("Октябрьский", Optional.empty()));
        assertThat(LabelPair.of("Şarköy", null, true)).contains(new LabelPair("Şarköy", Optional.empty()));
        assertThat(LabelPair.of("Αθήνα", null, false)).contains(new LabelPair("Αθήνα", Optional.empty()));
        assertThat(LabelPair.of(null, null, false)).isEmpty();
    }

    private static void oneScriptPerLine(PlaceLabels.Placed label, boolean ukrainianFirst) {
        List<PlaceLabels.Line> lines = label.lines();
        assertThat(lines).hasSizeBetween(1, 2);
        LabelPair.Script first = LabelPair.script(lines.get(0).text());
        if (lines.size() == 2) {
            LabelPair.Script second = LabelPair.script(lines.get(1).text());
            assertThat(first).as(text(label)).isNotEqualTo(LabelPair.Script.OTHER);
            assertThat(second).as(text(label)).isNotEqualTo(LabelPair.Script.OTHER).isNotEqualTo(first);
            assertThat(first).as("UI language first: " + text(label))
                    .isEqualTo(ukrainianFirst ? LabelPair.Script.CYRILLIC : LabelPair.Script.LATIN);
        }
    }

    private static String text(PlaceLabels.Placed label) {
        return label.lines().stream().map(PlaceLabels.Line::text).toList().toString();
    }

    static BufferedImage view(TileSource basemap, LatLon centre, int zoom, MapStyle style) throws Exception {
        return ViewRenderer.render(List.of(basemap), centre, zoom, W, H, style);
    }

    static double meanLuminance(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
            }
        }
        return sum / ((double) image.getWidth() * image.getHeight());
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        long differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        return differ;
    }
}
