package org.groundtruth.map.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.groundtruth.map.MapFileException;

/** A GeoNames dump (19 tab-separated columns, gzip or plain) read into memory; only the build reads it. */
public final class GeoNamesDump {
    private final List<GeoNamesPlace> places;
    private final Map<Long, GeoNamesPlace> byId;

    private GeoNamesDump(List<GeoNamesPlace> places) {
        this.places = List.copyOf(places);
        this.byId = new HashMap<>();
        for (GeoNamesPlace place : places) {
            byId.put(place.id(), place);
        }
    }

    public static GeoNamesDump read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "GeoNames dump not found");
        }
        List<GeoNamesPlace> places = new ArrayList<>(200_000);
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (var raw = Files.newInputStream(file);
                var in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String[] f = line.split("\t", -1);
                if (f.length < 15) {
                    throw new MapFileException(file, "line " + lineNumber + " has " + f.length + " columns, expected 19");
                }
                try {
                    List<String> alternates = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(","));
                    places.add(new GeoNamesPlace(Long.parseLong(f[0]), f[1], f[2], alternates, Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]), f[6], f[7], f[8], f[10], f[14].isEmpty() ? 0 : Long.parseLong(f[14])));
                } catch (NumberFormatException e) {
                    throw new MapFileException(file, "line " + lineNumber + " has a malformed number: " + e.getMessage());
                }
            }
        }
        return new GeoNamesDump(places);
    }

    public List<GeoNamesPlace> all() {
        return places;
    }

    public Optional<GeoNamesPlace> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }
}
