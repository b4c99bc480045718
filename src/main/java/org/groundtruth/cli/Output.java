package org.groundtruth.cli;

import java.io.PrintWriter;
import org.groundtruth.store.Json;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's result: one JSON document with {@code --json}, readable lines otherwise. */
final class Output {
    private Output() {
    }

    static void json(CommandSpec spec, Object document) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.pretty(document));
        out.flush();
    }

    static void line(CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(text);
        out.flush();
    }
}
