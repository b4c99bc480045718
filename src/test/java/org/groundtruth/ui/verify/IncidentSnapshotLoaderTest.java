package org.groundtruth.ui.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot loader's generation guard: a load that finishes after a newer one is dropped. */
class IncidentSnapshotLoaderTest {
    @TempDir
    Path tmp;

    /** Runs the work at once but hands results back only when the test says so, in the order it chooses. */
    private static final class HeldBackground implements Background {
        private final List<Runnable> results = new ArrayList<>();

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                T value = work.run(ProgressMonitor.NONE);
                results.add(() -> onSuccess.accept(value));
            } catch (Exception e) {
                results.add(() -> onFailure.accept(e));
            }
            return () -> { };
        }

        void deliver(int index) {
            results.get(index).run();
        }
    }

    @Test
    void anOlderLoadFinishingAfterANewerOneDoesNotOverwriteIt() {
        try (Investigation inv = Investigation.open(tmp.resolve("ws"), new ContentInspector())) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по складу, Херсон").toBuilder()
                    .location(Optional.of(new LatLon(46.6354, 32.6169))).build(), "Олена", "");
            Session session = new Session();
            session.investigationProperty().set(inv);
            session.analystProperty().set("Олена");
            HeldBackground background = new HeldBackground();
            IncidentSnapshotLoader loader = new IncidentSnapshotLoader(session, background);

            loader.incidentProperty().set(incident); // load 0: no pins yet
            GeolocationPin pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incident.id(),
                    new LatLon(46.6360, 32.6170), 20, Optional.empty(), "дах і вежа", List.of(), "", Optional.empty(),
                    "Олена", false, Instant.now());
            inv.verification().addPin(pin, "Олена", "");
            loader.refresh(); // load 1: the pin

            background.deliver(1);
            assertThat(loader.pins()).containsExactly(pin);
            background.deliver(0); // the older, slower load arrives last
            assertThat(loader.pins()).containsExactly(pin);
        }
    }

    @Test
    void aLoadStillRunningWhenTheIncidentIsClosedShowsNothing() {
        try (Investigation inv = Investigation.open(tmp.resolve("ws"), new ContentInspector())) {
            Incident incident = inv.incidents().create(Incident.titled("Обстріл, Харків").toBuilder().build(),
                    "Олена", "");
            inv.verification().addPin(new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incident.id(),
                    new LatLon(49.99, 36.23), 50, Optional.empty(), "перехрестя", List.of(), "", Optional.empty(),
                    "Олена", false, Instant.now()), "Олена", "");
            Session session = new Session();
            session.investigationProperty().set(inv);
            HeldBackground background = new HeldBackground();
            IncidentSnapshotLoader loader = new IncidentSnapshotLoader(session, background);

            loader.incidentProperty().set(incident);
            loader.incidentProperty().set(null);
            loader.incidentProperty().set(incident); // load 1, for the same incident again
            background.deliver(0);
            assertThat(loader.pins()).isEmpty(); // the first load belonged to before the incident was closed
            background.deliver(1);
            assertThat(loader.pins()).hasSize(1);
        }
    }
}
