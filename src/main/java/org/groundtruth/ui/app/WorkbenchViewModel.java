package org.groundtruth.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.gazetteer.GazetteerPlaceLookup;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.WorkspaceLocator;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.incident.EvidenceListViewModel;
import org.groundtruth.ui.incident.IncidentFormViewModel;
import org.groundtruth.ui.incident.IncidentListViewModel;
import org.groundtruth.ui.incident.SourceViewModel;
import org.groundtruth.ui.verify.VerificationViewModel;

/**
 * The window as a whole: which investigation is open, who the analyst is, the status line, and the wiring
 * between the incident list, the detail form and the evidence list.
 */
public final class WorkbenchViewModel {
    private final Session session = new Session();
    private final Background background;
    private final IncidentListViewModel list;
    private final IncidentFormViewModel form;
    private final EvidenceListViewModel evidence;
    private final VerificationViewModel verification;
    private final SourceViewModel sources;
    private final StringProperty workspacePath = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty banner = new SimpleStringProperty("");
    private Optional<Path> requested = Optional.empty();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private final java.util.concurrent.Executor fxThread;
    private Optional<ExternalChanges> watcher = Optional.empty();
    private Optional<WindowLayouts> layouts = Optional.empty();
    private java.util.function.Supplier<WindowLayout> layoutSource = () -> WindowLayout.NONE;
    private final ObjectProperty<WindowLayout> restoredLayout = new SimpleObjectProperty<>(WindowLayout.NONE);
    private Optional<String> pendingFrameItem = Optional.empty();
    private Optional<Long> pendingFrame = Optional.empty();

    public WorkbenchViewModel(Background background, Settings settings) {
        this(background, settings, javafx.application.Platform::runLater);
    }

    /** @param fxThread where changes made by other processes are applied (the FX thread; inline in tests) */
    public WorkbenchViewModel(Background background, Settings settings, java.util.concurrent.Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
        this.settings.set(settings);
        session.analystProperty().set(settings.effectiveAnalyst());
        list = new IncidentListViewModel(session, background);
        form = new IncidentFormViewModel(session, background);
        evidence = new EvidenceListViewModel(session, background);
        verification = new VerificationViewModel(session, background);
        sources = new SourceViewModel(session, background);
        evidence.incidentProperty().addListener((o, was, now) -> sources.itemProperty().set(null));
        verification.setOnChanged(this::saved);
        // A selection that disappears (filtered out by a search) leaves the form alone: no edit is lost.
        list.selectedProperty().addListener((o, was, now) -> {
            if (now != null && !now.id().equals(form.idProperty().get())) {
                form.load(Optional.of(now));
            }
            if (now != null) {
                evidence.incidentProperty().set(now);
                verification.incidentProperty().set(now);
            }
        });
        session.investigationProperty().addListener((o, was, now) -> {
            watcher.ifPresent(ExternalChanges::close);
            watcher = Optional.ofNullable(now).map(inv -> ExternalChanges.watch(inv, fxThread, this::externalChange));
            form.load(Optional.empty());
            evidence.incidentProperty().set(null);
            verification.incidentProperty().set(null);
        });
        evidence.setOnImported(() -> {
            refreshCounts();
            verification.refresh();
        });
        form.load(Optional.empty());
    }

    /**
     * The investigation to open at start: the one named on the command line, else the last one opened, else the
     * default one if it exists, else the demo (created and filled on first use).
     */
    public static Path startupWorkspace(Optional<Path> requested, Settings settings) {
        if (requested.isPresent()) {
            return requested.get();
        }
        Optional<Path> last = settings.lastWorkspace().filter(Investigation::existsIn);
        if (last.isPresent()) {
            return last.get();
        }
        Path standard = settings.effectiveDefaultWorkspace();
        return Investigation.existsIn(standard) ? standard : WorkspaceLocator.demoWorkspace();
    }

    /**
     * Opens the investigation at start: one named on the command line ({@code --workspace DIR}) must exist (a typo
     * creates nothing; the banner says what is wrong); the default or demo location is created when missing.
     */
    public void openAtStart(Path dir, boolean named) {
        open(dir, !named);
    }

    /** Opens (creating if needed) the investigation in {@code dir}; the demo folder is filled when empty. */
    public void open(Path dir) {
        open(dir, true);
    }

    /** Opens the investigation in {@code dir}; with {@code create} false, a folder without one is refused. */
    public void open(Path dir, boolean create) {
        Path target = dir.toAbsolutePath().normalize();
        if (requested.equals(Optional.of(target))) {
            return; // already open, or being opened: reopening would only close and open it again
        }
        requested = Optional.of(target);
        status.set(I18n.t("status.opening", target));
        background.run(I18n.t("task.open"), progress -> {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new IllegalArgumentException(I18n.t("error.notFolder", target));
            }
            if (!create && !Investigation.existsIn(target)) {
                throw new IllegalArgumentException(I18n.t("error.noInvestigation", target));
            }
            Investigation opened = Investigation.open(target, new ContentInspector(), GazetteerPlaceLookup.shipped());
            if (target.equals(WorkspaceLocator.demoWorkspace().toAbsolutePath().normalize()) && !opened.isReadOnly()) {
                DemoInvestigation.populateIfEmpty(opened);
            }
            Settings remembered = settings.get().withLastWorkspace(target);
            remembered.save();
            return opened;
        }, opened -> {
            Investigation previous = session.investigationProperty().get();
            session.readOnlyProperty().set(opened.isReadOnly());
            banner.set(opened.readOnlyReason().map(why -> I18n.t("banner.readOnly", why)).orElse(""));
            if (previous != null) {
                rememberLayout(previous.directory());
            }
            session.investigationProperty().set(opened);
            restore(layouts.flatMap(l -> l.forInvestigation(opened.directory())).orElse(WindowLayout.NONE));
            workspacePath.set(opened.directory().toString());
            status.set(I18n.t("status.opened", opened.directory().getFileName()));
            refreshCounts();
            if (previous != null) {
                background.run(I18n.t("task.close"), p -> {
                    previous.close();
                    return true;
                }, ok -> { }, error -> status.set(Errors.message(error)));
            }
        }, error -> {
            requested = Optional.empty(); // a failed open can be tried again
            status.set(I18n.t("error.open", target, Errors.message(error)));
            if (session.investigation().isEmpty()) {
                banner.set(I18n.t("error.open", target, Errors.message(error))); // nothing else is open: say why
            }
        });
    }

    /** Where the layouts of investigations are kept (the window; tests without it remember nothing). */
    public void useLayouts(WindowLayouts store, java.util.function.Supplier<WindowLayout> currentLayout) {
        layouts = Optional.of(store);
        layoutSource = currentLayout;
    }

    /** The window's layout as it is now, kept for the open investigation (call on the FX thread). */
    public void rememberLayout() {
        session.investigation().ifPresent(inv -> rememberLayout(inv.directory()));
    }

    /**
     * At exit: keeps the layout and writes it (with the window's bounds) before the JVM ends (on a thread of its
     * own, waited for a few seconds; the background runner is being shut down).
     */
    void rememberLayout(WindowLayouts store) {
        session.investigation().ifPresent(inv -> store.remember(inv.directory(), layoutSource.get()));
        { // the window's bounds are kept with no investigation open too
            Thread writer = new Thread(() -> {
                try {
                    store.save();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(WorkbenchViewModel.class).warn("Layout not saved", e);
                }
            }, "groundtruth-layout-save");
            writer.start();
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void rememberLayout(Path directory) {
        layouts.ifPresent(store -> {
            store.remember(directory, layoutSource.get());
            background.run(I18n.t("task.saveLayout"), p -> {
                store.save();
                return true;
            }, ok -> { }, error -> status.set(Errors.message(error)));
        });
    }

    /** The layout to restore: the view applies dividers and tabs; the incident, item and frame are selected here. */
    private void restore(WindowLayout layout) {
        restoredLayout.set(layout);
        pendingFrameItem = layout.evidenceId();
        pendingFrame = layout.frame();
        evidence.selectWhenLoaded(layout.evidenceId());
        list.refreshAndSelect(layout.incidentId());
    }

    /** The frame to show {@code evidenceId} at, once, when it is the item the restored layout had on screen. */
    public Optional<Long> takePendingFrame(String evidenceId) {
        Optional<Long> frame = pendingFrameItem.filter(evidenceId::equals).flatMap(id -> pendingFrame);
        pendingFrameItem = Optional.empty();
        pendingFrame = Optional.empty();
        return frame;
    }

    public ReadOnlyObjectProperty<WindowLayout> restoredLayoutProperty() {
        return restoredLayout;
    }

    /**
     * Another process changed the investigation: everything shown is read again and replaced only where it
     * differs; the selected incident, evidence item, frame, zoom and scroll position stay.
     */
    void externalChange() {
        list.refresh();
        refreshCounts();
        evidence.refresh();
        verification.refresh();
        Optional.ofNullable(list.selectedProperty().get()).ifPresent(selected -> session.investigation().ifPresent(
                inv -> background.run(I18n.t("task.loadIncident"), p -> inv.incidents().find(selected.id()),
                        found -> found.ifPresent(form::reloadIfUnedited), error -> status.set(Errors.message(error)))));
    }

    /** After a language change: texts the ViewModels composed (counts, the new-incident id) in the new language. */
    public void relocalize() {
        refreshCounts();
        list().refresh();
        form().relocalize();
    }

    public void refreshCounts() {
        session.investigation().ifPresent(inv -> background.run(I18n.t("task.counts"), p -> inv.counts(),
                c -> counts.set(I18n.t("status.counts", c.incidents(), c.evidenceItems(), c.auditEntries())),
                error -> status.set(Errors.message(error))));
    }

    public void newIncident() {
        list.selectedProperty().set(null);
        form.load(Optional.empty());
        evidence.incidentProperty().set(null);
        verification.incidentProperty().set(null);
    }

    /** After a save: list again, select the saved incident, show it everywhere, update the counts. */
    public void saved(Incident incident) {
        list.refreshAndSelect(Optional.of(incident.id()));
        String formMessage = form.messageProperty().get();
        form.load(Optional.of(incident));
        form.messageProperty().set(formMessage);
        evidence.incidentProperty().set(incident);
        verification.incidentProperty().set(incident);
        refreshCounts();
    }

    public void changeAnalyst(String name) {
        applySettings(settings.get().withAnalystName(name));
    }

    /** Saves changed settings in the background and then applies them (analyst now; theme, language by the view). */
    public void applySettings(Settings changed) {
        background.run(I18n.t("task.saveSettings"), p -> {
            Settings merged = new Settings(changed.analystName(), Settings.load().lastWorkspace()
                    .or(changed::lastWorkspace), changed.defaultWorkspace(), changed.language(), changed.theme(),
                    changed.coordinates(), changed.units(), changed.tileSources(), changed.tileCacheMegabytes(),
                    changed.offlineOnly(), changed.welcomed());
            merged.save();
            return merged;
        }, saved -> {
            settings.set(saved);
            session.analystProperty().set(saved.effectiveAnalyst());
            status.set(I18n.t("status.analyst", saved.effectiveAnalyst()));
        }, error -> status.set(Errors.message(error)));
    }

    /** Remembers that the welcome was shown, so it is shown once. */
    public void markWelcomed() {
        applySettings(settings.get().withWelcomed());
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public void shutdown() {
        watcher.ifPresent(ExternalChanges::close);
        watcher = Optional.empty();
        session.investigation().ifPresent(Investigation::close);
    }

    public Session session() {
        return session;
    }

    public IncidentListViewModel list() {
        return list;
    }

    public IncidentFormViewModel form() {
        return form;
    }

    public EvidenceListViewModel evidence() {
        return evidence;
    }

    public SourceViewModel sources() {
        return sources;
    }

    public VerificationViewModel verification() {
        return verification;
    }

    public ReadOnlyStringProperty workspacePathProperty() {
        return workspacePath;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    /**
     * A message across the top of the window, empty when there is none: why the investigation is read-only, or why
     * the investigation asked for could not be opened.
     */
    public ReadOnlyStringProperty bannerProperty() {
        return banner;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
