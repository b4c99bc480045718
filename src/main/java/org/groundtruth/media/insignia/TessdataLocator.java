package org.groundtruth.media.insignia;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Tesseract's language data at run time: {@code TESSDATA_PREFIX} first, then where Debian/Ubuntu
 * ({@code tesseract-ocr-ukr}, {@code tesseract-ocr-eng}), Homebrew, MacPorts and the Windows installer put it.
 * The folder must hold every language asked for.
 */
public final class TessdataLocator {
    private static final List<String> KNOWN = List.of(
            "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata",
            "/opt/local/share/tessdata", "C:\\Program Files\\Tesseract-OCR\\tessdata");

    private TessdataLocator() {
    }

    /** The folder holding {@code <language>.traineddata} for all {@code languages}, if there is one. */
    public static Optional<Path> find(List<String> languages) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("TESSDATA_PREFIX")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(p -> {
            candidates.add(p);
            candidates.add(p.resolve("tessdata"));
        });
        KNOWN.forEach(k -> candidates.add(Path.of(k)));
        return candidates.stream()
                .filter(dir -> languages.stream().allMatch(l -> Files.isRegularFile(dir.resolve(l + ".traineddata"))))
                .findFirst();
    }

    /** What to tell the user when the data is missing. */
    public static String howToInstall() {
        return "OCR needs Tesseract's Ukrainian and English language data: on Debian/Ubuntu"
                + " `apt-get install tesseract-ocr-ukr tesseract-ocr-eng`, on macOS `brew install tesseract-lang`,"
                + " or set TESSDATA_PREFIX to a folder holding ukr.traineddata and eng.traineddata";
    }
}
