package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.ui.common.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Place search as the window does it, one search per keystroke, with the searches finishing in the worst order
 * (the first keystroke's last): only the latest search's results are shown. Deterministic: the background
 * work is held and finished by the test.
 */
class MapSearchOrderTest {
    @TempDir
    Path dir;

    /** Holds every job; the test runs them in the order it likes. */
    private static final class HeldBackground implements Background {
        final List<Runnable> finishers = new ArrayList<>();
        int cancelled;

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            finishers.add(() -> {
                try {
                    onSuccess.accept(work.run(ProgressMonitor.NONE));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return () -> cancelled++;
        }
    }

    @Test
    void resultsOfAnEarlierKeystrokeThatFinishLaterAreDiscarded() {
        HeldBackground background = new HeldBackground();
        try (MapViewModel vm = new MapViewModel(background, Optional.of(Path.of("maps")), dir.resolve("tiles"))) {
            // whatever the constructor started (opening the maps) finishes first
            List<Runnable> opening = List.copyOf(background.finishers);
            background.finishers.clear();
            opening.forEach(Runnable::run);
            String word = "Gorlovka";
            for (int i = 1; i <= word.length(); i++) {
                vm.search(word.substring(0, i));
            }
            assertThat(background.finishers).hasSize(word.length());
            assertThat(background.cancelled).isEqualTo(word.length() - 1);
            // the whole word's search finishes first, then every prefix's, the shortest last
            background.finishers.get(word.length() - 1).run();
            for (int i = word.length() - 2; i >= 0; i--) {
                background.finishers.get(i).run();
            }
            assertThat(vm.searchedTextProperty().get()).isEqualTo(word);
            assertThat(vm.searchResults()).isNotEmpty();
            assertThat(vm.searchResults().get(0).name()).isEqualTo("Horlivka");
        }
    }
}
