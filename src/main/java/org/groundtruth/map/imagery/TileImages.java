package org.groundtruth.map.imagery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/** PNG/JPEG tile bytes → ARGB image; undecodable bytes are an error naming the tile. */
final class TileImages {
    private TileImages() {
    }

    static Optional<BufferedImage> decode(byte[] bytes, String what) throws IOException {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException(what + " is not a PNG, JPEG or other readable image");
        }
        return Optional.of(toArgb(image));
    }

    static BufferedImage toArgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        argb.createGraphics().drawImage(image, 0, 0, null);
        return argb;
    }
}
