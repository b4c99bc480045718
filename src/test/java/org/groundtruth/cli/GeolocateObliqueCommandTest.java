package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.match.ObliqueViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geolocate --ground-points} and {@code --from-telemetry} on real Brighton Beach data. */
class GeolocateObliqueCommandTest {
    private static final Path BRIGHTON = Path.of("..", "shared", "data", "aerial", "brighton-beach");
    private static final String REFERENCE = BRIGHTON.resolve("ortho-from-model-0.15m-epsg32615.tif").toString();
    private static final String PHOTO = BRIGHTON.resolve("images/DJI_0026.JPG").toString();
    /** DJI_0026's EXIF GPS position. */
    private static final LatLon GPS = new LatLon(46.842690, -91.993954);
    @TempDir
    Path tmp;

    @Test
    void anObliqueFrameWithFourMarkedGroundPointsIsFoundAndTheRectificationLogged() throws Exception {
        BufferedImage photo = new StillImageDecoder().decode(Path.of(PHOTO), 2000).image();
        double cx = photo.getWidth() / 2.0;
        double cy = photo.getHeight() / 2.0;
        ObliqueViews.View view = ObliqueViews.render(photo, 68, 40, 1280, 720, new double[] {cx, cy}, 0.16 * photo.getWidth());
        Path frame = tmp.resolve("oblique.png");
        ImageIO.write(view.frame(), "png", frame.toFile());
        double half = 0.08 * photo.getWidth();
        StringBuilder points = new StringBuilder();
        double[][] square = {{cx - half, cy - half}, {cx + half, cy - half}, {cx + half, cy + half}, {cx - half, cy + half}};
        for (double[] s : square) {
            double[] f = view.framePoint(s[0], s[1]);
            points.append(points.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.1f,%.1f", f[0], f[1]));
        }
        String ws = tmp.resolve("ws").toString();
        assertThat(CliRun.of("--workspace", ws, "init").exitCode()).isZero();
        CliRun run = CliRun.of("--workspace", ws, "geolocate", frame.toString(), "--reference", REFERENCE,
                "--ground-points", points.toString(), "--hfov", "40", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode best = run.json().get(0);
        // the frame's centre shows the photo's centre, which is where its GPS position is
        assertThat(Geodesy.measure(new LatLon(best.get("lat").asDouble(), best.get("lon").asDouble()), GPS).distanceMeters())
                .isLessThan(5);
        assertThat(best.get("footprint")).hasSize(4);
        CliRun log = CliRun.of("--workspace", ws, "audit", "log", "--json");
        assertThat(log.out()).contains("image_match_search").contains("four ground points");
    }

    @Test
    void aDronePhotoRectifiedFromItsOwnTelemetryIsFound() {
        CliRun run = CliRun.of("--workspace", tmp.resolve("none").toString(), "geolocate", PHOTO, "--reference", REFERENCE,
                "--area", "-91.9946,46.8421,-91.9931,46.8431", "--from-telemetry", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode best = run.json().get(0);
        assertThat(Geodesy.measure(new LatLon(best.get("lat").asDouble(), best.get("lon").asDouble()), GPS).distanceMeters())
                .isLessThan(10);
    }

    @Test
    void badRectificationInputIsOneLineAndExitTwo() {
        String ws = tmp.resolve("ws").toString();
        assertBad(CliRun.of("--workspace", ws, "geolocate", PHOTO, "--reference", REFERENCE, "--ground-points", "1,2;3,4"),
                "--ground-points");
        assertBad(CliRun.of("--workspace", ws, "geolocate", PHOTO, "--reference", REFERENCE, "--ground-points",
                "100,100;900,900;900,100;100,900"), "order round it");
        assertBad(CliRun.of("--workspace", ws, "geolocate", PHOTO, "--reference", REFERENCE, "--ground-points",
                "100,100;x,1;900,900;100,900"), "x,1");
        assertBad(CliRun.of("--workspace", ws, "geolocate", PHOTO, "--reference", REFERENCE, "--ground-points",
                "100,100;900,100;900,900;100,900", "--from-telemetry"), "give one of them");
        assertBad(CliRun.of("--workspace", ws, "geolocate", PHOTO, "--reference", REFERENCE, "--from-telemetry", "--hfov", "500"),
                "--hfov");
        String canon = Path.of("..", "shared", "data", "aerial", "caliterra", "IMG_9360.jpg").toString();
        assertBad(CliRun.of("--workspace", ws, "geolocate", canon, "--reference", REFERENCE, "--from-telemetry"), "IMG_9360.jpg");
        assertThat(Files.exists(Path.of(ws))).as("nothing created").isFalse();
    }

    private static void assertBad(CliRun run, String named) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err().strip()).contains(named).doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }
}
