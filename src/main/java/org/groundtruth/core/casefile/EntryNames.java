package org.groundtruth.core.casefile;

import java.util.Optional;

/**
 * Which ZIP entry names a case file may hold: relative, forward slashes, no {@code ..}, no empty or hidden
 * drive segments. Anything else could write outside the folder it is extracted to (zip-slip) or means
 * different files on different systems.
 */
public final class EntryNames {
    public static final int MAX_LENGTH = 1024;

    private EntryNames() {
    }

    /** Why {@code name} is unsafe, or empty when it is fine. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("empty entry name");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("entry name longer than " + MAX_LENGTH + " characters");
        }
        if (name.startsWith("/") || name.contains("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            return Optional.of("absolute path or backslash in entry name");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7f) {
                return Optional.of("control character in entry name");
            }
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("entry name with an empty, '.' or '..' segment");
            }
        }
        return Optional.empty();
    }

    /** The name itself, or an exception saying why it is refused. */
    public static String requireSafe(String name) {
        problem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p + ": " + printable(name));
        });
        return name;
    }

    /** The name with control characters shown as '?', for messages. */
    public static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), 200));
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
