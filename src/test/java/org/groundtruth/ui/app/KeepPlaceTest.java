package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window keeps the investigator's place: a change made by another process (here a second connection, as
 * the command line would make it) shows up without a restart, and the selection, the form's edit in progress and
 * the evidence selected stay. The "FX thread" is a queue the test drains.
 */
class KeepPlaceTest {
    @TempDir
    Path dir;
    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private Investigation window;
    private Investigation otherProcess;
    private WorkbenchViewModel vm;

    @BeforeEach
    void open() {
        window = TestInvestigations.open(dir.resolve("ws"));
        otherProcess = TestInvestigations.open(dir.resolve("ws"));
        vm = new WorkbenchViewModel(InlineBackground.INSTANCE, new Settings("Аналітик", Optional.empty()), fx::add);
        vm.session().analystProperty().set("Аналітик");
        vm.session().investigationProperty().set(window);
    }

    @AfterEach
    void close() {
        vm.shutdown();
        otherProcess.close();
    }

    /** Waits (generously: the machine may be loaded) for the watcher to hand a change to the FX thread, runs it. */
    private void applyNextExternalChange() throws InterruptedException {
        Runnable change = fx.poll(60, TimeUnit.SECONDS);
        assertThat(change).as("a change by another process reaches the window").isNotNull();
        change.run();
    }

    @Test
    void aChangeByAnotherProcessAppearsAndTheSelectionStays() throws Exception {
        Incident first = window.incidents().create(Incident.titled("Удар по пожежній машині"), "Аналітик", "");
        vm.list().refresh();
        vm.list().selectedProperty().set(vm.list().incidents().get(0));
        Path photo = Files.list(Path.of("../shared/data/media/jpg")).filter(p -> p.toString().endsWith(".jpg"))
                .sorted().findFirst().orElseThrow();
        window.evidence().importFile(photo, new ImportRequest(Optional.of(first.id()), Optional.empty(),
                Sensitivity.PUBLIC), "Аналітик", ProgressMonitor.NONE);
        vm.evidence().refresh();
        EvidenceItem shown = vm.evidence().items().get(0);
        vm.evidence().selectedProperty().set(shown);

        otherProcess.incidents().create(Incident.titled("Удар по швидкій"), "CLI", "");
        otherProcess.incidents().update(otherProcess.incidents().get(first.id()).toBuilder()
                .title("Удар по пожежній машині (уточнено)").build(), "CLI", "from the command line");
        applyNextExternalChange();

        assertThat(vm.list().incidents()).extracting(Incident::title)
                .contains("Удар по швидкій", "Удар по пожежній машині (уточнено)");
        assertThat(vm.list().selectedProperty().get().id()).isEqualTo(first.id());
        assertThat(vm.form().titleProperty().get()).as("an unedited form shows the new record")
                .isEqualTo("Удар по пожежній машині (уточнено)");
        assertThat(vm.evidence().selectedProperty().get()).as("the item on the viewer stays selected")
                .isNotNull().extracting(EvidenceItem::id).isEqualTo(shown.id());
        assertThat(vm.countsProperty().get()).isNotEmpty();
    }

    @Test
    void anEditInProgressIsNotOverwrittenByAnotherProcess() throws Exception {
        Incident first = window.incidents().create(Incident.titled("Перший"), "Аналітик", "");
        vm.list().refresh();
        vm.list().selectedProperty().set(vm.list().incidents().get(0));
        vm.form().descriptionProperty().set("текст, який аналітик саме пише");

        otherProcess.incidents().update(otherProcess.incidents().get(first.id()).toBuilder()
                .placeName("Херсон").build(), "CLI", "");
        applyNextExternalChange();

        assertThat(vm.form().descriptionProperty().get()).isEqualTo("текст, який аналітик саме пише");
        assertThat(vm.list().selectedProperty().get().placeName()).isEqualTo("Херсон");
    }

    @Test
    void theWindowsOwnEditsDoNotCountAsExternalAndTheWatcherStopsWithTheInvestigation() throws Exception {
        window.incidents().create(Incident.titled("Своя зміна"), "Аналітик", "");
        otherProcess.incidents().create(Incident.titled("Чужа зміна"), "CLI", "");
        applyNextExternalChange();
        assertThat(vm.list().incidents()).extracting(Incident::title).contains("Своя зміна", "Чужа зміна");

        vm.shutdown();
        fx.clear();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("groundtruth-watch-") && isAlive(name));
    }

    private static boolean isAlive(String name) {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).toList();
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return threads.stream().anyMatch(Thread::isAlive);
    }

    @Test
    void theLayoutIsKeptPerInvestigationAndADamagedFileIsNoLayout() throws Exception {
        Path config = dir.resolve("config");
        WindowLayouts layouts = WindowLayouts.load(config);
        WindowLayout left = new WindowLayout(List.of(0.2, 0.6), Optional.of(0.55), 1, 2, Optional.of("inc-1"),
                Optional.of("ev-1"), Optional.of(42L));
        layouts.remember(dir.resolve("ws"), left);
        layouts.save();
        WindowLayouts reread = WindowLayouts.load(config);
        assertThat(reread.forInvestigation(dir.resolve("ws"))).contains(left);
        assertThat(reread.forInvestigation(dir.resolve("other"))).isEmpty();

        Files.writeString(config.resolve(WindowLayouts.FILE), "garbage\\u12");
        assertThat(WindowLayouts.load(config).forInvestigation(dir.resolve("ws"))).isEmpty();
    }

    @Test
    void reopeningSelectsTheLastIncidentItemAndFrame() throws Exception {
        Incident first = window.incidents().create(Incident.titled("Перший"), "Аналітик", "");
        Incident second = window.incidents().create(Incident.titled("Другий"), "Аналітик", "");
        Path photo = Files.list(Path.of("../shared/data/media/jpg")).sorted().findFirst().orElseThrow();
        EvidenceItem item = window.evidence().importFile(photo, new ImportRequest(Optional.of(second.id()),
                Optional.empty(), Sensitivity.PUBLIC), "Аналітик", ProgressMonitor.NONE).item();
        WindowLayouts layouts = WindowLayouts.load(dir.resolve("config"));
        layouts.remember(dir.resolve("ws"), new WindowLayout(List.of(0.25, 0.6), Optional.empty(), 1, 0,
                Optional.of(second.id()), Optional.of(item.id()), Optional.of(17L)));
        vm.shutdown();

        WorkbenchViewModel reopened = new WorkbenchViewModel(InlineBackground.INSTANCE,
                new Settings("Аналітик", Optional.empty()), fx::add);
        reopened.useLayouts(layouts, () -> WindowLayout.NONE);
        reopened.open(dir.resolve("ws"), false);
        try {
            assertThat(reopened.list().selectedProperty().get()).extracting(Incident::id).isEqualTo(second.id());
            assertThat(reopened.evidence().selectedProperty().get()).extracting(EvidenceItem::id).isEqualTo(item.id());
            assertThat(reopened.takePendingFrame(item.id())).contains(17L);
            assertThat(reopened.restoredLayoutProperty().get().workAreaTab()).isEqualTo(1);
            assertThat(first.id()).isNotEqualTo(second.id());
        } finally {
            reopened.shutdown();
        }
    }
}
