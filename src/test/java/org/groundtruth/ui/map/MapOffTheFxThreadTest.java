package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map as the window builds it does no file work on the FX thread: {@code maps/} is found and its basemap and
 * gazetteer opened in the background while the pane is already shown, and panning or zooming reads every tile on
 * a loader thread.
 */
@ExtendWith(ApplicationExtension.class)
class MapOffTheFxThreadTest {
    @TempDir
    static Path tmp;

    private final CountDownLatch release = new CountDownLatch(1);
    private final Set<String> mapsLookedUpOn = ConcurrentHashMap.newKeySet();
    private TaskRunner runner;
    private MapViewModel vm;
    private MapPane pane;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        vm = MapViewModel.locatingMaps(runner, () -> {
            mapsLookedUpOn.add(Thread.currentThread().getName());
            try {
                // Held until the test has seen the window without its maps (a slow disk, a cold start).
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(Path.of("maps"));
        }, () -> tmp.resolve("cache"));
        pane = new MapPane(vm);
        vm.viewportProperty().set(MapViewport.centredOn(new LatLon(47.3, 35.2), 7, 900, 600));
        stage.setScene(new Scene(pane, 900, 640));
        stage.show();
    }

    @AfterEach
    void stop() {
        release.countDown();
        runner.shutdown();
        Platform.runLater(vm::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thePaneShowsAtOnceAndTheBasemapAndGazetteerArriveFromTheBackground(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.getScene().getWindow().isShowing()).isTrue();
        assertThat(vm.mapsLoadingProperty().get()).isTrue();
        assertThat(vm.layers()).isEmpty();
        TextField search = robot.lookup("#map-search").queryAs(TextField.class);
        assertThat(search.isDisabled()).isTrue();
        assertThat(search.getPromptText()).isEqualTo("Loading places\u2026");
        robot.interact(() -> vm.search("Kyiv"));
        assertThat(vm.messageProperty().get()).contains("still opening");

        release.countDown();
        waitUntil(() -> !vm.mapsLoadingProperty().get());
        assertThat(vm.layers()).hasSize(1);
        assertThat(vm.layers().get(0).isBasemap()).isTrue();
        assertThat(vm.gazetteerReadyProperty().get()).isTrue();
        assertThat(search.isDisabled()).isFalse();
        assertThat(search.getPromptText()).startsWith("Search places");
        assertThat(mapsLookedUpOn).isNotEmpty().noneMatch(name -> name.contains("JavaFX"));
    }

    @Test
    void panningAndZoomingReadTilesOnlyOnLoaderThreads(FxRobot robot) throws Exception {
        release.countDown();
        waitUntil(() -> vm.layers().size() == 1);
        Recording recording = new Recording(vm.layers().get(0).source());
        robot.interact(() -> vm.layers().set(0, new MapLayer(recording, true)));
        waitUntil(() -> recording.reads.get() > 0);

        robot.drag(pane.canvas(), MouseButton.PRIMARY).moveBy(-180, 90).release(MouseButton.PRIMARY);
        robot.moveTo(pane.canvas()).scroll(-1);
        robot.clickOn(pane.canvas(), MouseButton.SECONDARY);
        robot.type(KeyCode.RIGHT, KeyCode.DOWN, KeyCode.MINUS);
        int afterMoves = recording.reads.get();
        robot.interact(() -> vm.viewportProperty().set(vm.viewportProperty().get()
                .centredAt(new LatLon(50.45, 30.52)).withZoom(9)));
        waitUntil(() -> recording.reads.get() > afterMoves);

        assertThat(recording.threads).isNotEmpty().allMatch(name -> name.startsWith("tile-loader-"));
        assertThat(pane.canvas().framesDrawn()).isPositive();
    }

    /** The real basemap, noting the thread of every tile read. */
    private static final class Recording implements TileSource {
        final TileSource source;
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger reads = new AtomicInteger();

        Recording(TileSource source) {
            this.source = source;
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public String attribution() {
            return source.attribution();
        }

        @Override
        public int minZoom() {
            return source.minZoom();
        }

        @Override
        public int maxZoom() {
            return source.maxZoom();
        }

        @Override
        public GeoBox bounds() {
            return source.bounds();
        }

        @Override
        public Optional<BufferedImage> tile(TileKey key) throws IOException {
            threads.add(Thread.currentThread().getName());
            Optional<BufferedImage> tile = source.tile(key);
            reads.incrementAndGet();
            return tile;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
