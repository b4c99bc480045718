package org.groundtruth.media.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.groundtruth.media.StillImageDecoder;
import org.junit.jupiter.api.Test;

/** The direct read of a decoded JPEG gives the same grey values as the colour model does, pixel for pixel. */
class GrayImageTest {
    @Test
    void theDirectReadOfAJpegEqualsTheColourModelRead() {
        BufferedImage photo = new StillImageDecoder().decode(Path.of("..", "shared", "data", "aerial", "brighton-beach",
                "images", "DJI_0026.JPG"), 1024).image();
        assertThat(photo.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage sameAsInts = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        sameAsInts.getGraphics().drawImage(photo, 0, 0, null);
        GrayImage direct = GrayImage.of(photo);
        GrayImage viaModel = GrayImage.of(sameAsInts);
        assertThat(direct.width()).isEqualTo(viaModel.width());
        assertThat(direct.gray()).isEqualTo(viaModel.gray());
        assertThat(direct.coverage()).isEqualTo(1.0);
    }
}
