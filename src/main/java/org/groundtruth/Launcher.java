package org.groundtruth;

import org.groundtruth.cli.Cli;

/**
 * Entry point. No arguments opens the workbench window; anything else runs the command line. A plain class,
 * not a JavaFX Application, so the window starts from the classpath (see DESIGN.md).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || isWindowOption(args)) {
            org.groundtruth.ui.app.WorkbenchApp.launchWindow(args);
            return;
        }
        if (isVersionQuestion(args)) {
            // Answered before the command line is built: picocli's classes are Java 5 bytecode, which the JVM
            // verifies slowly and AppCDS cannot archive, and scripts ask this often (docs/decisions/1301).
            System.out.println(org.groundtruth.core.Version.banner());
            return;
        }
        System.exit(Cli.run(args));
    }

    private static boolean isVersionQuestion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** {@code groundtruth --workspace DIR} with no command opens that investigation in the window. */
    private static boolean isWindowOption(String[] args) {
        return args.length == 2 && args[0].equals("--workspace");
    }
}
