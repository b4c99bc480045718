package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

class MediaTypesTest {
    @Test
    void fastSignaturesAgreeWithTikaOnEveryRealFile() throws IOException {
        List<Path> files;
        try (Stream<Path> shared = Files.walk(SharedMedia.ROOT); Stream<Path> fixtures = Files.walk(Path.of("src/test/resources/media"))) {
            files = Stream.concat(shared, fixtures).filter(Files::isRegularFile).toList();
        }
        Tika tika = new Tika();
        int recognised = 0;
        for (Path file : files) {
            byte[] head = MediaFiles.head(file, 64 * 1024);
            var fast = MediaTypes.commonMediaType(head);
            if (fast.isPresent()) {
                recognised++;
                assertThat(fast.get()).as(file.toString()).isEqualTo(tika.detect(head));
            }
        }
        assertThat(recognised).as("JPEG, TIFF, WebP and PNG files are recognised without Tika").isGreaterThanOrEqualTo(15);
    }

    @Test
    void everythingElseStillGoesThroughTika() {
        assertThat(MediaTypes.detect("1\n00:00:00,000 --> 00:00:01,000\nGPS(1,2,3)\n".getBytes())).isEqualTo(MediaTypes.SUBRIP);
        assertThat(MediaTypes.detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})).isNotEqualTo(MediaTypes.UNKNOWN);
        assertThat(MediaTypes.detect("plain words".getBytes())).isEqualTo("text/plain");
    }
}
