package org.groundtruth.ui.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.ui.common.Background;

/**
 * Throwaway viewer for looking at the map as a user would (not a test):
 * {@code xvfb-run -a mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.ui.map.MapPaneDemo -Dexec.args="46.6354 32.6169 12"}.
 * Shows the map pane alone with synthetic incidents and one pin with a camera cone.
 */
public final class MapPaneDemo {
    private MapPaneDemo() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> {
            Stage stage = new Stage();
            MapViewModel vm = new MapViewModel(inlineBackground(), MapsDirectory.locate(), tempCache());
            MapPane pane = new MapPane(vm);
            vm.showIncidents(syntheticIncidents(3000));
            LatLon target = new LatLon(46.6354, 32.6169);
            vm.showPins(List.of(new GeolocationPin(org.groundtruth.core.Ids.next(GeolocationPin.ID_PREFIX), org.groundtruth.core.Ids.next(Incident.ID_PREFIX), target, 120,
                    Optional.of(new CameraView(new LatLon(46.6290, 32.6030), 55, 40)), "demo", List.of(), "", Optional.<LocalDate>empty(),
                    "analyst", true, Instant.now())));
            if (args.length >= 3) {
                vm.viewportProperty().set(MapViewport.centredOn(new LatLon(Double.parseDouble(args[0]), Double.parseDouble(args[1])),
                        Integer.parseInt(args[2]), 1300, 800));
            }
            if (args.length >= 4) {
                vm.addImagery(Path.of(args[3]));
            }
            if (args.length >= 5) {
                vm.measuringProperty().set(true);
                vm.addMeasurePoint(new LatLon(46.6290, 32.6030));
                vm.addMeasurePoint(target);
                vm.addMeasurePoint(new LatLon(46.645, 32.64));
            }
            vm.select(Optional.of(vm.markersProperty().get().incident(0)));
            if (Boolean.getBoolean("demo.layers")) {
                ((javafx.scene.control.ToggleButton) pane.lookup("#map-layers")).setSelected(true);
            }
            vm.cursorMoved(target);
            stage.setScene(new Scene(pane, 1300, 860));
            stage.setTitle("Groundtruth map");
            stage.show();
            String snapshot = System.getProperty("demo.snapshot", "");
            if (!snapshot.isEmpty()) {
                // Give tiles time to render, then write what the window shows and quit.
                var timer = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(Double.parseDouble(
                        System.getProperty("demo.wait", "6"))));
                timer.setOnFinished(e -> {
                    try {
                        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                                stage.getScene().snapshot(null), null), "png", new java.io.File(snapshot));
                    } catch (java.io.IOException ex) {
                        ex.printStackTrace();
                    }
                    Platform.exit();
                    System.exit(0);
                });
                timer.play();
            }
        });
    }

    static Background inlineBackground() {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-background");
            t.setDaemon(true);
            return t;
        });
        return new Background() {
            @Override
            public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                var future = executor.submit(() -> {
                    try {
                        T result = work.run(ProgressMonitor.NONE);
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Exception e) {
                        Platform.runLater(() -> onFailure.accept(e));
                    }
                });
                return () -> future.cancel(true);
            }
        };
    }

    static Path tempCache() {
        try {
            return Files.createTempDirectory("groundtruth-tiles");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Incident> syntheticIncidents(int count) {
        Random random = new Random(7);
        LatLon[] hotspots = {new LatLon(46.64, 32.61), new LatLon(48.0, 37.8), new LatLon(49.99, 36.23), new LatLon(47.84, 35.14),
                new LatLon(48.59, 38.0), new LatLon(50.45, 30.52), new LatLon(46.48, 30.72)};
        List<Incident> incidents = new ArrayList<>();
        VerificationStatus[] statuses = VerificationStatus.values();
        for (int i = 0; i < count; i++) {
            LatLon h = hotspots[i % hotspots.length];
            double spread = random.nextDouble() < 0.3 ? 0.6 : 0.08;
            LatLon p = new LatLon(h.lat() + random.nextGaussian() * spread, h.lon() + random.nextGaussian() * spread * 1.4);
            incidents.add(Incident.titled("Strike on fire engine #" + i).toBuilder()
                    .location(Optional.of(p))
                    .occurredAt(Optional.of(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000))))
                    .status(statuses[random.nextInt(statuses.length)]).build());
        }
        return incidents;
    }
}
