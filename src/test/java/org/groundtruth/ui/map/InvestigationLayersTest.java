package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.store.SavedLayers;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imagery added to the map stays with the investigation: saved in its folder, back when it is opened. */
class InvestigationLayersTest {
    private static final Path MBTILES = Path.of("../shared/data/imagery/bluemarble-z0-4.mbtiles").toAbsolutePath();
    private static final Path GEOTIFF = Path.of("../shared/data/imagery/ukraine-bluemarble-epsg4326.tif")
            .toAbsolutePath();

    @TempDir
    Path tmp;

    private MapViewModel map() {
        return new MapViewModel(InlineBackground.INSTANCE, Optional.empty(), tmp.resolve("cache"));
    }

    @Test
    void layersComeBackWithTheirOrderVisibilityAndOpacity() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        MapViewModel first = map();
        InvestigationLayers kept = new InvestigationLayers(first, InlineBackground.INSTANCE);
        kept.use(Optional.of(a));
        first.addImagery(MBTILES);
        first.addImagery(GEOTIFF);
        first.addXyz("https://{s}.tile.example.org/{z}/{x}/{y}.png", "", 19);
        first.layers().get(1).opacityProperty().set(0.4);
        first.layers().get(0).visibleProperty().set(false);

        assertThat(SavedLayers.read(a)).extracting(SavedLayers.Layer::kind).containsExactly(SavedLayers.Kind.FILE,
                SavedLayers.Kind.FILE, SavedLayers.Kind.ONLINE);

        MapViewModel reopened = map();
        new InvestigationLayers(reopened, InlineBackground.INSTANCE).use(Optional.of(a));
        assertThat(reopened.layers()).hasSize(3);
        assertThat(reopened.imageryFile(reopened.layers().get(0))).contains(MBTILES);
        assertThat(reopened.layers().get(0).visibleProperty().get()).isFalse();
        assertThat(reopened.layers().get(1).opacityProperty().get()).isEqualTo(0.4);
    }

    @Test
    void anotherInvestigationHasItsOwnLayersAndEarlierOnesStay() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        MapViewModel map = map();
        map.addXyz("https://settings.example.org/{z}/{x}/{y}.png", "", 19); // from Settings, before any investigation
        InvestigationLayers kept = new InvestigationLayers(map, InlineBackground.INSTANCE);
        kept.use(Optional.of(a));
        map.addImagery(MBTILES);
        assertThat(map.layers()).hasSize(2);

        kept.use(Optional.of(b));
        assertThat(map.layers()).hasSize(1).allMatch(l -> l.name().equals("settings.example.org"));
        kept.use(Optional.of(a));
        assertThat(map.layers()).hasSize(2);
        assertThat(SavedLayers.read(b)).isEmpty();
    }

    @Test
    void aFileThatCannotBeOpenedNowStaysInTheList() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        String gone = tmp.resolve("usb-stick/reference.tif").toString();
        SavedLayers.write(a, List.of(new SavedLayers.Layer(SavedLayers.Kind.FILE, gone, true, 1.0)));
        MapViewModel map = map();
        InvestigationLayers kept = new InvestigationLayers(map, InlineBackground.INSTANCE);
        kept.use(Optional.of(a));
        assertThat(map.layers()).isEmpty();
        assertThat(map.messageProperty().get()).contains("reference.tif");

        map.addImagery(MBTILES);
        assertThat(SavedLayers.read(a)).extracting(SavedLayers.Layer::location).containsExactly(gone,
                MBTILES.toString());
    }

    /** Background work that waits to be run, last queued first: files open in any order in the real window. */
    private static final class Deferred implements org.groundtruth.ui.common.Background {
        private final java.util.Deque<Runnable> queue = new java.util.ArrayDeque<>();

        @Override
        public <T> Job run(String title, Work<T> work, java.util.function.Consumer<T> onSuccess,
                java.util.function.Consumer<Throwable> onFailure) {
            queue.push(() -> {
                T result;
                try {
                    result = work.run(org.groundtruth.core.ProgressMonitor.NONE);
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            return () -> { };
        }

        void drain() {
            while (!queue.isEmpty()) {
                queue.pop().run();
            }
        }
    }

    @Test
    void aRestoreThatTakesTimeDoesNotOverwriteTheListWithHalfOfIt() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        String gone = tmp.resolve("usb-stick/reference.tif").toString();
        SavedLayers.write(a, List.of(new SavedLayers.Layer(SavedLayers.Kind.FILE, MBTILES.toString(), true, 0.7),
                new SavedLayers.Layer(SavedLayers.Kind.FILE, gone, true, 1.0),
                new SavedLayers.Layer(SavedLayers.Kind.FILE, GEOTIFF.toString(), false, 0.5)));
        Deferred background = new Deferred();
        MapViewModel map = new MapViewModel(background, Optional.empty(), tmp.resolve("cache"));
        new InvestigationLayers(map, background).use(Optional.of(a));
        background.drain();

        assertThat(map.layers()).hasSize(2);
        assertThat(SavedLayers.read(a)).containsExactlyInAnyOrder(
                new SavedLayers.Layer(SavedLayers.Kind.FILE, MBTILES.toString(), true, 0.7),
                new SavedLayers.Layer(SavedLayers.Kind.FILE, gone, true, 1.0),
                new SavedLayers.Layer(SavedLayers.Kind.FILE, GEOTIFF.toString(), false, 0.5));
    }

    @Test
    void aDamagedListIsReportedAndTheMapStillWorks() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(a.resolve(SavedLayers.FILE), "{not json");
        MapViewModel map = map();
        new InvestigationLayers(map, InlineBackground.INSTANCE).use(Optional.of(a));
        assertThat(map.messageProperty().get()).contains(SavedLayers.FILE);
        map.addImagery(MBTILES);
        assertThat(map.layers()).hasSize(1);
    }
}
