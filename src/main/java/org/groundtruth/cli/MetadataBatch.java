package org.groundtruth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.MetadataJson;
import org.groundtruth.media.MetadataReader;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code groundtruth metadata} over many files and folders in one process: folders expand to their regular files
 * (sorted by name, not recursive, as {@code exiftool DIR}); files are read on a few threads and printed in input
 * order; a file that fails becomes an error object and the run goes on.
 */
final class MetadataBatch {
    private final CommandSpec spec;
    private final boolean json;
    private final boolean tags;

    MetadataBatch(CommandSpec spec, boolean json, boolean tags) {
        this.spec = spec;
        this.json = json;
        this.tags = tags;
    }

    private record Outcome(Path file, MediaMetadata metadata, String error) {
    }

    int run(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> listing = Files.list(input)) {
                    listing.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                            .forEach(files::add);
                } catch (IOException e) {
                    files.add(input); // reported as an error object below
                }
            } else {
                files.add(input);
            }
        }
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "metadata");
            t.setDaemon(true);
            return t;
        });
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> readOne(f)));
            }
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("metadata reading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int failed = 0;
        var err = spec.commandLine().getErr();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                failed++;
                err.println("groundtruth: " + o.file() + ": " + o.error());
                array.addObject().put("file", o.file().toString()).put("error", o.error());
                continue;
            }
            for (String warning : o.metadata().warnings()) {
                err.println("groundtruth: warning: " + o.file() + ": " + warning);
            }
            ObjectNode node = array.addObject();
            node.put("file", o.file().toString());
            node.setAll(MetadataJson.summary(o.metadata().summary()));
            if (tags) {
                ArrayNode t = node.putArray("tags");
                o.metadata().tags().forEach(tag -> t.addObject().put("group", tag.group()).put("name", tag.name())
                        .put("value", tag.value()));
            }
        }
        err.flush();
        if (json) {
            Output.json(spec, array);
        } else {
            for (Outcome o : outcomes) {
                if (o.error() == null) {
                    MetadataCommand single = new MetadataCommand();
                    single.spec = spec;
                    single.tags = tags;
                    single.file = o.file();
                    single.printHuman(o.metadata());
                }
            }
        }
        return failed > 0 ? Cli.BAD_INPUT : Cli.OK;
    }

    private static Outcome readOne(Path file) {
        try {
            return new Outcome(file, new MetadataReader().read(file), null);
        } catch (MediaFormatException e) {
            return new Outcome(file, null, e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(file, null, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
