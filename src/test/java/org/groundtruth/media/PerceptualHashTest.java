package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {
    private static BufferedImage photo(String name) {
        return new StillImageDecoder().decode(SharedMedia.file(name), 1024).image();
    }

    @Test
    void reEncodedAndResizedPhotoStaysClose() throws Exception {
        BufferedImage original = photo("jpg/Apple iPhone 6.jpg");
        BufferedImage small = new BufferedImage(original.getWidth() / 3, original.getHeight() / 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(original, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", jpeg);
        BufferedImage reposted = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));

        assertThat(PerceptualHash.distance(PerceptualHash.of(original), PerceptualHash.of(reposted)))
                .hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(4));
    }

    @Test
    void differentPhotosAreFarApart() {
        List<String> hashes = List.of("jpg/Apple iPhone 6.jpg", "jpg/Canon EOS 1000D.jpg", "jpg/Nokia Lumia 800.jpg")
                .stream().map(n -> PerceptualHash.of(photo(n))).toList();
        assertThat(PerceptualHash.distance(hashes.get(0), hashes.get(1))).hasValueSatisfying(d -> assertThat(d).isGreaterThan(16));
        assertThat(PerceptualHash.distance(hashes.get(1), hashes.get(2))).hasValueSatisfying(d -> assertThat(d).isGreaterThan(16));
    }

    @Test
    void webpDecodesThroughFfmpegAndMatchesItsJpeg() {
        String jpeg = PerceptualHash.of(photo("jpg/HTC Desire.jpg"));
        String webp = PerceptualHash.of(photo("webp/HTC Desire.webp"));
        assertThat(PerceptualHash.distance(jpeg, webp)).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(6));
    }

    @Test
    void hashIsSixteenHexDigitsAndDistanceChecksInput() {
        String hash = PerceptualHash.of(photo("jpg/Issue 508.jpg"));
        assertThat(hash).matches("[0-9a-f]{16}");
        assertThat(PerceptualHash.distance(hash, hash)).contains(0);
        assertThat(PerceptualHash.distance(hash, "xyz")).isEmpty();
    }
}
