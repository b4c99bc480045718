package org.groundtruth.ui.map;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.map.offline.OfflineMapLibrary;

/**
 * Looking at the map as a user would (not a test): the map pane in the dark (or light) theme at zoom 6, 11 and 16 over
 * Kherson, Kharkiv and the Moscow extract, with two double-tap lines, saved as PNGs.
 * {@code xvfb-run -a java -cp ... org.groundtruth.ui.map.DarkMapShots OUT_DIR [light|dark]} with the offline maps added
 * to the user's maps folder.
 */
public final class DarkMapShots {
    private DarkMapShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        boolean dark = args.length < 2 || args[1].equals("dark");
        Files.createDirectories(out);
        AtomicReference<MapViewModel> model = new AtomicReference<>();
        AtomicReference<MapPane> view = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            MapAppearance.use(dark);
            MapViewModel vm = MapViewModel.locatingMaps(MapPaneDemo.inlineBackground(), MapsDirectory::locate,
                    MapPaneDemo::tempCache);
            vm.openOfflineMaps(OfflineMapLibrary.user());
            MapPane pane = new MapPane(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(pane, 1366, 768));
            stage.show();
            model.set(vm);
            view.set(pane);
            shown.countDown();
        });
        shown.await();
        record View(String name, LatLon centre, int zoom) {
        }
        List<View> views = List.of(new View("kherson", new LatLon(46.6354, 32.6169), 6),
                new View("kherson", new LatLon(46.6354, 32.6169), 11), new View("kherson", new LatLon(46.6354, 32.6169), 16),
                new View("kharkiv", new LatLon(49.9935, 36.2304), 6), new View("kharkiv", new LatLon(49.9935, 36.2304), 11),
                new View("kharkiv", new LatLon(49.9935, 36.2304), 16), new View("moscow", new LatLon(55.82, 37.58), 6),
                new View("moscow", new LatLon(55.82, 37.58), 11), new View("moscow", new LatLon(55.82, 37.58), 16));
        Thread.sleep(4000);
        for (View v : views) {
            run(() -> {
                MapViewModel vm = model.get();
                MapViewport now = vm.viewportProperty().get();
                vm.viewportProperty().set(MapViewport.centredOn(v.centre(), v.zoom(), now.width(), now.height()));
                vm.lines().setAll(List.of(
                        new MapLine(offset(v.centre(), v.zoom(), -120, 60), offset(v.centre(), v.zoom(), 40, -10),
                                "2025-07-03 → 2025-07-03, 35 min, 120 m", Color.web("#f0883e")),
                        new MapLine(offset(v.centre(), v.zoom(), 150, 90), offset(v.centre(), v.zoom(), 60, 0),
                                "2025-07-19 → 2025-07-19, 12 min, 80 m", Color.web("#f0883e"))));
            });
            // tiles render on loader threads; give them time (a throwaway viewer, not a test)
            Thread.sleep(v.zoom() >= 16 ? 6000 : 4000);
            run(() -> view.get().canvas().paint());
            AtomicReference<WritableImage> shot = new AtomicReference<>();
            run(() -> shot.set(view.get().getScene().snapshot(null)));
            Path file = out.resolve("window-" + v.name() + "-z" + v.zoom() + "-" + (dark ? "dark" : "light") + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(shot.get(), null), "png", file.toFile());
            System.out.println("wrote " + file + " labels " + view.get().canvas().placedLabels().size()
                    + " place labels " + view.get().canvas().placeLabelsShown().size());
        }
        Platform.exit();
        System.exit(0);
    }

    private static LatLon offset(LatLon centre, int zoom, double dx, double dy) {
        double world = org.groundtruth.map.WebMercator.worldSize(zoom);
        double x = org.groundtruth.map.WebMercator.normX(centre.lon()) * world + dx;
        double y = org.groundtruth.map.WebMercator.normY(centre.lat()) * world + dy;
        return new LatLon(org.groundtruth.map.WebMercator.latOfNormY(y / world),
                org.groundtruth.map.WebMercator.lonOfNormX(x / world));
    }

    private static void run(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }
}
