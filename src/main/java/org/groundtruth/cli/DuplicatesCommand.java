package org.groundtruth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.media.DuplicateFinder;
import org.groundtruth.media.DuplicateFinder.DuplicatePair;
import org.groundtruth.media.DuplicateFinder.HashedItem;
import org.groundtruth.media.EvidenceHashes;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth duplicates [--json] [--max-distance N]}: evidence items that look alike (perceptual hashes of
 * photos and of video keyframes within N bits), across the whole investigation.
 */
@Command(name = "duplicates", description = "List possible duplicates in the investigation (reposts, re-encodes).")
final class DuplicatesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--max-distance", paramLabel = "BITS", defaultValue = "10",
            description = "Largest Hamming distance between 64-bit hashes that counts as alike (default ${DEFAULT-VALUE}).")
    int maxDistance;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    record Item(String id, String name, String kind, String mediaType) {
    }

    record Pair(Item first, Item second, int distance) {
    }

    record Result(int maxDistance, int itemsCompared, int itemsWithoutHash, List<Pair> pairs) {
    }

    @Override
    public Integer call() {
        if (maxDistance < 0 || maxDistance > 32) {
            throw new BadInputException("--max-distance must be 0..32, was " + maxDistance);
        }
        try (Investigation inv = Workspace.open(Workspace.root(spec))) {
            List<EvidenceItem> items = inv.evidence().all();
            Map<String, EvidenceItem> byId = items.stream().collect(Collectors.toMap(EvidenceItem::id, Function.identity()));
            List<HashedItem> hashed = items.stream().map(EvidenceHashes::of).toList();
            int withoutHash = (int) hashed.stream().filter(h -> h.hashes().isEmpty()).count();
            List<Pair> pairs = new ArrayList<>();
            for (DuplicatePair p : new DuplicateFinder(maxDistance).find(hashed)) {
                pairs.add(new Pair(item(byId.get(p.first().id())), item(byId.get(p.second().id())), p.distance()));
            }
            Result result = new Result(maxDistance, hashed.size() - withoutHash, withoutHash, pairs);
            if (json) {
                Output.json(spec, result);
            } else {
                for (Pair p : pairs) {
                    Output.line(spec, String.format(Locale.ROOT, "%2d bits  %s %s  ~  %s %s", p.distance(),
                            p.first().id(), p.first().name(), p.second().id(), p.second().name()));
                }
                Output.line(spec, pairs.size() + " possible duplicate pair(s) among " + result.itemsCompared()
                        + " hashed items" + (withoutHash > 0 ? " (" + withoutHash + " items have no hash)" : ""));
            }
            return Cli.OK;
        }
    }

    private static Item item(EvidenceItem e) {
        return new Item(e.id(), e.originalName(), e.kind().code(), e.mediaType());
    }
}
