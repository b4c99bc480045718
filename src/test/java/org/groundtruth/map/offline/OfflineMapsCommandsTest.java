package org.groundtruth.map.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.groundtruth.cli.CliRun;
import org.groundtruth.map.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maps add|list|remove}, {@code places search} over added maps and {@code map render}, through the real CLI. */
class OfflineMapsCommandsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void userMapsFolder() {
        System.setProperty(UserMapsFolder.PROPERTY, dir.resolve("maps").toString());
    }

    @AfterEach
    void reset() {
        System.clearProperty(UserMapsFolder.PROPERTY);
    }

    @Test
    void addListSearchRenderRemove() throws Exception {
        assertThat(CliRun.of("maps", "add", TestData.shared("osm/monaco.map").toString()).exitCode()).isZero();
        CliRun added = CliRun.of("maps", "add", TestData.shared("osm/moscow-north.osm.pbf").toString(), "--json");
        assertThat(added.exitCode()).isZero();
        assertThat(added.json().get("format").asText()).isEqualTo("osm-pbf");

        CliRun list = CliRun.of("maps", "list", "--json");
        assertThat(list.exitCode()).isZero();
        JsonNode maps = list.json();
        assertThat(maps).hasSize(2);
        assertThat(maps.get(0).get("name").asText()).isEqualTo("monaco");
        assertThat(maps.get(0).get("west").asDouble()).isBetween(7.3, 7.5);
        assertThat(maps.get(0).get("maxZoom").asInt()).isGreaterThanOrEqualTo(16);
        assertThat(maps.get(1).get("name").asText()).isEqualTo("moscow-north");
        assertThat(maps.get(1).get("date").asText()).isNotBlank();

        CliRun search = CliRun.of("places", "search", "Руставели", "--near", "55.81,37.59", "--json");
        assertThat(search.exitCode()).isZero();
        JsonNode first = search.json().get(0);
        assertThat(first.get("name").asText()).isEqualTo("улица Руставели");
        assertThat(first.get("kind").asText()).isEqualTo("street");
        assertThat(first.get("source").asText()).isEqualTo("moscow-north");
        assertThat(first.get("admin1").asText()).isEqualTo("Moskva");
        assertThat(first.has("lat") && first.has("lon")).isTrue();

        Path png = dir.resolve("monaco.png");
        CliRun render = CliRun.of("map", "render", "--center", "43.7384,7.4246", "--zoom", "16", "--size", "512x384",
                "--out", png.toString());
        assertThat(render.exitCode()).as(render.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(distinctColours(image)).isGreaterThan(50); // streets, buildings, labels — not a flat basemap
        Path dark = dir.resolve("moscow-dark.png");
        assertThat(CliRun.of("map", "render", "--center", "55.82,37.58", "--zoom", "16", "--size", "512x384",
                "--out", dark.toString(), "--style", "dark").exitCode()).isZero();
        Path light = dir.resolve("moscow-light.png");
        assertThat(CliRun.of("map", "render", "--center", "55.82,37.58", "--zoom", "16", "--size", "512x384",
                "--out", light.toString(), "--style", "light").exitCode()).isZero();
        // the street map and the basemap below it are both drawn dark, not only the chrome
        assertThat(StreetMapStylesTest.luminance(ImageIO.read(dark.toFile()))).isLessThan(70);
        assertThat(StreetMapStylesTest.luminance(ImageIO.read(light.toFile()))).isGreaterThan(170);

        assertThat(CliRun.of("maps", "remove", "monaco").exitCode()).isZero();
        assertThat(CliRun.of("maps", "list", "--json").json()).hasSize(1);
    }

    @Test
    void badFilesAreRefusedWithOneLineAndNothingAdded() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.map"), "not a map at all");
        CliRun run = CliRun.of("maps", "add", text.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("notes.map").doesNotContain("\n");
        byte[] whole = Files.readAllBytes(TestData.shared("osm/monaco.map"));
        Path cut = dir.resolve("cut.map");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 1000));
        CliRun truncated = CliRun.of("maps", "add", cut.toString());
        assertThat(truncated.exitCode()).isEqualTo(2);
        assertThat(truncated.err().strip()).contains("cut.map").doesNotContain("\n");
        assertThat(CliRun.of("maps", "remove", "nothing-here").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("maps", "list", "--json").json()).isEmpty();
        assertThat(CliRun.of("map", "render", "--center", "43.7,7.4", "--zoom", "16", "--out", dir.resolve("x.png").toString(),
                "--style", "sepia").exitCode()).isEqualTo(2);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
