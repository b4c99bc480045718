package org.groundtruth.tools;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.app.MainWindow;
import org.groundtruth.ui.app.WorkbenchViewModel;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.map.MapAppearance;

/**
 * A tour of every main screen for a person to look at: the demo investigation in the real window, each work-area tab
 * (map, evidence viewer with a video and with a photo, analysis), each incident tab, the evidence panel's tabs
 * (metadata, duplicates, insignia scan) and the main dialogs (welcome, settings, export, team, my key, find on map,
 * help, about), in English and Ukrainian, light and dark, at 1366x768 and 1920x1080. Each screen is saved as a PNG
 * (the scene's own snapshot, so no window manager is needed, only a display) and {@code index.html} lists them.
 * <p>Run under a display, e.g.
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn -o -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.groundtruth.tools.ScreenTour -Dexec.args=target/tour}; optional further arguments narrow
 * the tour: {@code en uk light dark 1366x768 1920x1080}.
 */
public final class ScreenTour {
    private static final String INCIDENT = "Fire engine hit by FPV";
    private final Path out;
    private final Path demo;
    private final List<String[]> shots = new ArrayList<>();

    private ScreenTour(Path out, Path demo) {
        this.out = out;
        this.demo = demo;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScreenTour OUTPUT_FOLDER [en] [uk] [light] [dark] [1366x768] [1920x1080]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Set<String> only = Set.of(args).stream().skip(0).collect(Collectors.toSet());
        List<String> languages = pick(only, List.of("en", "uk"));
        List<String> themes = pick(only, List.of("light", "dark"));
        List<String> sizes = pick(only, List.of("1366x768", "1920x1080"));
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            System.err.println("cannot create " + out + ": " + e.getMessage());
            System.exit(3);
        }
        Path demo = Files.createTempDirectory("groundtruth-tour").resolve("demo");
        try (Investigation investigation = TestInvestigations.open(demo)) {
            DemoInvestigation.populateIfEmpty(investigation);
            addVideo(investigation);
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        ScreenTour tour = new ScreenTour(out, demo);
        for (String language : languages) {
            for (String theme : themes) {
                for (String size : sizes) {
                    tour.visit(language, theme, size);
                }
            }
        }
        tour.index(languages, themes, sizes);
        System.out.println(tour.shots.size() + " screenshots and index.html in " + out);
        Platform.exit();
        System.exit(0);
    }

    /** The demo has photos only: a real drone-style video from the shared test data shows the video player too. */
    private static void addVideo(Investigation investigation) {
        Path video = Path.of(System.getProperty("tour.video", "../shared/data/media/video/with-gps.mp4"));
        if (!Files.isRegularFile(video)) {
            System.err.println("no video at " + video + " (-Dtour.video=FILE): the tour shows photos only");
            return;
        }
        String incident = investigation.incidents().list(org.groundtruth.core.incident.IncidentQuery.ALL).stream().filter(i -> i.title().startsWith(INCIDENT))
                .findFirst().orElseThrow().id();
        investigation.evidence().importFile(video, new org.groundtruth.store.EvidenceService.ImportRequest(Optional.of(incident),
                Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC), "Аналітик",
                org.groundtruth.core.ProgressMonitor.NONE);
    }

    private static List<String> pick(Set<String> only, List<String> all) {
        List<String> chosen = all.stream().filter(only::contains).toList();
        return chosen.isEmpty() ? all : chosen;
    }

    private void visit(String language, String theme, String size) throws Exception {
        String config = language + "-" + theme + "-" + size;
        System.out.println("tour " + config);
        int width = Integer.parseInt(size.split("x")[0]);
        int height = Integer.parseInt(size.split("x")[1]);
        boolean dark = theme.equals("dark");
        TaskRunner runner = new TaskRunner();
        WorkbenchViewModel vm = fx(() -> {
            Locale.setDefault(Locale.forLanguageTag(language));
            I18n.use(Locale.forLanguageTag(language));
            MapAppearance.use(dark);
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            return new WorkbenchViewModel(runner, new Settings("Аналітик", Optional.empty()));
        });
        MainWindow window = fx(() -> new MainWindow(vm, runner));
        Stage stage = fx(() -> {
            Scene scene = new Scene(window, width, height);
            scene.getStylesheets().add(MainWindow.class.getResource("/css/groundtruth.css").toExternalForm());
            Stage s = new Stage();
            s.setTitle("Groundtruth tour " + config);
            s.setScene(scene);
            s.setX(0);
            s.setY(0);
            s.show();
            vm.open(demo);
            return s;
        });
        try {
            waitUntil(() -> vm.list().incidents().size() == DemoInvestigation.incidentCount());
            fx(() -> {
                vm.list().selectedProperty().set(vm.list().incidents().stream()
                        .filter(i -> i.title().startsWith(INCIDENT)).findFirst().orElseThrow());
                return null;
            });
            waitUntil(() -> !vm.evidence().items().isEmpty());
            Optional<EvidenceItem> video = fx(() -> vm.evidence().items().stream()
                    .filter(i -> i.kind() == EvidenceKind.VIDEO).findFirst());
            Optional<EvidenceItem> photo = fx(() -> vm.evidence().items().stream()
                    .filter(i -> i.kind() == EvidenceKind.PHOTO).findFirst());
            // The map and the incident's tabs with a photo on screen (the video's own GPS point moves the map away).
            select(vm, photo.or(() -> video));
            settle(runner);
            TabPane work = fx(() -> workArea(window));
            TabPane incident = fx(() -> (TabPane) window.lookup("#incident-tabs"));
            int workTabs = fx(() -> work.getTabs().size());
            int incidentTabs = fx(() -> incident.getTabs().size());
            for (int w = 0; w < workTabs; w++) {
                selectTabs(work, w, incident, 0);
                settle(runner);
                shoot(config, "work-" + w, stage.getScene());
            }
            for (int i = 1; i < incidentTabs; i++) {
                selectTabs(work, 0, incident, i);
                settle(runner);
                shoot(config, "incident-" + i, stage.getScene());
            }
            int evidenceTab = fx(() -> indexOf(work, "#evidence-tabs"));
            if (evidenceTab >= 0) {
                TabPane lower = fx(() -> (TabPane) window.lookup("#evidence-tabs"));
                int lowerTabs = fx(() -> lower.getTabs().size());
                select(vm, video.or(() -> photo));
                settle(runner);
                for (int l = 0; l < lowerTabs; l++) {
                    int li = l;
                    selectTabs(work, evidenceTab, incident, 0);
                    fx(() -> {
                        lower.getSelectionModel().select(li);
                        return null;
                    });
                    settle(runner);
                    shoot(config, "evidence-" + l, stage.getScene());
                }
                if (photo.isPresent()) {
                    select(vm, photo);
                    fx(() -> {
                        lower.getSelectionModel().select(0);
                        return null;
                    });
                    settle(runner);
                    shoot(config, "evidence-photo", stage.getScene());
                    select(vm, video.or(() -> photo));
                    settle(runner);
                }
                // Find on map opens over the frame on screen.
                dialog(config, "dialog-find-on-map", runner, () -> {
                    Node find = window.lookup("#find-on-map");
                    if (find instanceof Button b && b.isVisible() && !b.isDisabled()) {
                        b.fire();
                    }
                });
                selectTabs(work, 0, incident, 0);
            }
            dialog(config, "dialog-welcome", runner, () -> window.welcomeIfFirstRun(demo, List.of()));
            Map<String, String> menu = new LinkedHashMap<>();
            menu.put("dialog-settings", "menu.settings");
            menu.put("dialog-export", "menu.exportCase");
            menu.put("dialog-team", "menu.team.project");
            menu.put("dialog-my-key", "menu.team.key");
            menu.put("dialog-team-init", "menu.team.init");
            menu.put("dialog-team-add", "menu.team.add");
            menu.put("dialog-analyst", "menu.analyst");
            menu.put("dialog-shortcuts", "menu.shortcuts");
            menu.put("dialog-workflow", "menu.workflow");
            menu.put("dialog-about", "menu.about");
            for (Map.Entry<String, String> e : menu.entrySet()) {
                Optional<MenuItem> item = fx(() -> menuItem(window, I18n.t(e.getValue())));
                if (item.isPresent()) {
                    dialog(config, e.getKey(), runner, item.get()::fire);
                } else {
                    System.err.println("no menu item " + e.getValue());
                }
            }
        } finally {
            fx(() -> {
                stage.close();
                window.dispose();
                return null;
            });
            vm.shutdown();
            runner.shutdown();
        }
    }

    private static void select(WorkbenchViewModel vm, Optional<EvidenceItem> item) throws Exception {
        fx(() -> {
            item.ifPresent(i -> vm.evidence().selectedProperty().set(i));
            return null;
        });
    }

    private static TabPane workArea(MainWindow window) {
        return window.lookupAll(".tab-pane").stream().map(TabPane.class::cast)
                .filter(t -> t.getTabs().stream().anyMatch(tab -> tab.getContent() != null
                        && tab.getContent().lookup("#map-search") != null))
                .findFirst().orElseThrow();
    }

    private static int indexOf(TabPane pane, String selector) {
        for (int i = 0; i < pane.getTabs().size(); i++) {
            Node content = pane.getTabs().get(i).getContent();
            if (content != null && content.lookup(selector) != null) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<MenuItem> menuItem(MainWindow window, String text) {
        for (Node n : window.lookupAll(".menu-bar")) {
            for (Menu m : ((MenuBar) n).getMenus()) {
                Optional<MenuItem> found = find(m.getItems(), text);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<MenuItem> find(List<MenuItem> items, String text) {
        for (MenuItem item : items) {
            if (text.equals(item.getText())) {
                return Optional.of(item);
            }
            if (item instanceof Menu sub) {
                Optional<MenuItem> found = find(sub.getItems(), text);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void selectTabs(TabPane work, int w, TabPane incident, int i) throws Exception {
        fx(() -> {
            work.getSelectionModel().select(w);
            incident.getSelectionModel().select(i);
            return null;
        });
    }

    /** Runs {@code open} (which may show a modal dialog and wait in it), shoots the window it opened, closes it. */
    private void dialog(String config, String name, TaskRunner runner, Runnable open) throws Exception {
        List<Window> before = fx(() -> List.copyOf(Window.getWindows()));
        Platform.runLater(open);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Optional<Window> opened = Optional.empty();
        while (opened.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            opened = fx(() -> Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()
                    && w.getScene() != null && !(w instanceof javafx.stage.PopupWindow)).findFirst());
        }
        if (opened.isEmpty()) {
            System.err.println(config + ": " + name + " opened no window");
            return;
        }
        settle(runner);
        Window w = opened.get();
        shoot(config, name, w.getScene());
        fx(() -> {
            w.hide();
            return null;
        });
        settle(runner);
    }

    /** Waits until the background work is done and the screen has been laid out and drawn again a few times. */
    private static void settle(TaskRunner runner) throws Exception {
        waitUntil(() -> runner.liveJobs() == 0);
        for (int i = 0; i < 4; i++) {
            Thread.sleep(250); // a tool, not a test: give tiles and images a moment to be drawn
            fx(() -> null);
        }
        waitUntil(() -> runner.liveJobs() == 0);
    }

    private void shoot(String config, String name, Scene scene) throws Exception {
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        String file = config + "/" + name + ".png";
        Files.createDirectories(out.resolve(config));
        ImageIO.write(image, "png", out.resolve(file).toFile());
        shots.add(new String[] {config, name, file});
        System.out.println("  " + file);
    }

    private void index(List<String> languages, List<String> themes, List<String> sizes) throws IOException {
        List<String> configs = new ArrayList<>();
        languages.forEach(l -> themes.forEach(t -> sizes.forEach(s -> configs.add(l + "-" + t + "-" + s))));
        List<String> names = shots.stream().map(s -> s[1]).distinct().toList();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Groundtruth screen tour</title><style>body{font-family:sans-serif}td{vertical-align:top;"
                + "padding:4px}img{width:300px;border:1px solid #999}</style></head><body><h1>Groundtruth screen tour"
                + "</h1><table><tr><th>screen</th>");
        configs.forEach(c -> html.append("<th>").append(c).append("</th>"));
        html.append("</tr>");
        for (String name : names) {
            html.append("<tr><td>").append(name).append("</td>");
            for (String c : configs) {
                html.append("<td>");
                shots.stream().filter(s -> s[0].equals(c) && s[1].equals(name)).findFirst().ifPresent(s -> html
                        .append("<a href=\"").append(s[2]).append("\"><img src=\"").append(s[2]).append("\"></a>"));
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table></body></html>\n");
        Files.writeString(out.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not get there in 120 s");
            }
            Thread.sleep(100);
        }
    }
}
