package org.groundtruth.ui.common;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;

/**
 * Start-up timing for the window benchmark ({@code WindowStartupBench}), off unless the JVM is started with
 * {@code -Dgroundtruth.startupProbe=true} (or {@code =exit}, which also ends the process once the map is drawn).
 * It then prints one line on stdout when the window is first laid out on screen and one when the map first shows
 * the basemap's tiles in all of its view (no placeholder left):
 * <pre>groundtruth-startup window 1234
 *groundtruth-startup map 2345</pre>
 * the milliseconds since the process started. In exit mode a map that has not drawn two minutes after the window was
 * built ends the process with {@code groundtruth-startup timeout MS}. Off, every call is a read of a final field.
 */
public final class StartupProbe {
    /** The system property that turns the probe on. */
    public static final String PROPERTY = "groundtruth.startupProbe";
    static final String PREFIX = "groundtruth-startup";
    /** In exit mode, the process ends this long after the window was built even when the map never drew. */
    private static final long EXIT_LIMIT_MILLIS = 120_000;

    enum Mode {
        OFF, PRINT, EXIT;

        static Mode of(String value) {
            if (value == null) {
                return OFF;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "print" -> PRINT;
                case "exit" -> EXIT;
                default -> OFF;
            };
        }
    }

    private static final Mode MODE = Mode.of(System.getProperty(PROPERTY));
    private static final AtomicBoolean WINDOW = new AtomicBoolean();
    private static final AtomicBoolean MAP = new AtomicBoolean();

    private StartupProbe() {
    }

    public static boolean enabled() {
        return MODE != Mode.OFF;
    }

    /** A step on the way, for a timeline ({@code groundtruth-startup NAME MS}); the bench reads only window and map. */
    public static void mark(String name) {
        if (enabled()) {
            report(new AtomicBoolean(), name);
        }
    }

    /** Reports the window after the first pulse that lays out {@code scene} while its window is showing. */
    public static void watch(Scene scene) {
        if (!enabled()) {
            return;
        }
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (scene.getWindow() != null && scene.getWindow().isShowing() && scene.getRoot().getLayoutBounds().getWidth() > 0) {
                scene.removePostLayoutPulseListener(self[0]);
                report(WINDOW, "window");
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
        if (MODE == Mode.EXIT) {
            // A training or bench run must end even when no basemap is found (the map line never comes).
            Thread limit = new Thread(() -> {
                try {
                    Thread.sleep(EXIT_LIMIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (report(MAP, "timeout")) {
                    System.exit(0);
                }
            }, "startup-probe-limit");
            limit.setDaemon(true);
            limit.start();
        }
    }

    /** The map drew a frame with every basemap tile in view (called by the map canvas). */
    public static void mapDrawn() {
        if (!enabled() || !report(MAP, "map")) {
            return;
        }
        if (MODE == Mode.EXIT) {
            // Not on the FX thread: a shutdown hook waiting for it would never finish.
            Thread exit = new Thread(() -> System.exit(0), "startup-probe-exit");
            exit.setDaemon(true);
            exit.start();
        }
    }

    private static boolean report(AtomicBoolean once, String event) {
        if (!once.compareAndSet(false, true)) {
            return false;
        }
        long now = System.currentTimeMillis();
        long start = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(now);
        System.out.println(line(event, now - start));
        System.out.flush();
        return true;
    }

    static String line(String event, long millis) {
        return PREFIX + " " + event + " " + millis;
    }
}
