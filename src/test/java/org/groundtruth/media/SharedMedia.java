package org.groundtruth.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real files in {@code ../shared/data/media} and their expected values ({@code MANIFEST.tsv}, exiftool -n). */
public final class SharedMedia {
    public static final Path ROOT = Path.of("..", "shared", "data", "media").toAbsolutePath().normalize();

    /** One MANIFEST row; absent values ('-') are empty. */
    public record Expected(String file, Optional<Double> latitude, Optional<Double> longitude,
            Optional<String> createDate, Optional<String> make, Optional<String> model, Optional<Integer> width,
            Optional<Integer> height, Optional<Double> durationSeconds) {
        public Path path() {
            return ROOT.resolve(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private SharedMedia() {
    }

    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    public static List<Expected> manifest() {
        try {
            List<String> lines = Files.readAllLines(ROOT.resolve("MANIFEST.tsv"));
            List<String> header = List.of(lines.get(0).split("\t"));
            List<Expected> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(new Expected(row.get("file"), number(row.get("GPSLatitude")), number(row.get("GPSLongitude")),
                        text(row.get("CreateDate")), text(row.get("Make")), text(row.get("Model")),
                        number(row.get("ImageWidth")).map(Double::intValue),
                        number(row.get("ImageHeight")).map(Double::intValue), number(row.get("Duration"))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("shared test data missing: " + ROOT, e);
        }
    }

    private static Optional<String> text(String cell) {
        return cell == null || cell.equals("-") ? Optional.empty() : Optional.of(cell);
    }

    private static Optional<Double> number(String cell) {
        return text(cell).map(Double::parseDouble);
    }
}
