package org.groundtruth.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version, from the build. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    /** What {@code groundtruth --version} prints. */
    public static String banner() {
        return "Groundtruth " + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/org/groundtruth/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
