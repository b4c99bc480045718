package org.groundtruth.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes photos for viewing and hashing without trusting their headers: the declared size is read first, and
 * a picture declaring more than {@link #MAX_DECLARED_PIXELS} (a decompression bomb) is refused before any pixel
 * is decoded. Large pictures are subsampled to {@code maxSide} so memory stays bounded. ImageIO reads JPEG, PNG,
 * GIF, BMP, TIFF; FFmpeg reads the rest (WebP, HEIC where its build can).
 */
public final class StillImageDecoder {
    /** 400 megapixels: larger than any camera or stitched panorama an investigator meets, far below a bomb. */
    public static final long MAX_DECLARED_PIXELS = 400_000_000L;

    /** A decoded picture and the size its file declares (the picture may be subsampled from it). */
    public record Decoded(BufferedImage image, int declaredWidth, int declaredHeight) {
        public boolean reduced() {
            return image.getWidth() < declaredWidth || image.getHeight() < declaredHeight;
        }
    }

    /** Decodes {@code file}, scaled down by an integer factor so neither side exceeds {@code maxSide}. */
    public Decoded decode(Path file, int maxSide) {
        MediaFiles.requireReadable(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    int width = reader.getWidth(0);
                    int height = reader.getHeight(0);
                    checkDeclared(width, height);
                    ImageReadParam param = reader.getDefaultReadParam();
                    int factor = subsampling(width, height, maxSide);
                    param.setSourceSubsampling(factor, factor, 0, 0);
                    return new Decoded(reader.read(0, param), width, height);
                } finally {
                    reader.dispose();
                }
            }
        } catch (MediaFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MediaFormatException("not a readable image (" + MediaErrors.describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            // the declared-size check makes this unlikely; if it happens the heap is freed with the image
            throw new MediaFormatException("too large to decode in the memory available", e);
        }
        return decodeWithFfmpeg(file, maxSide);
    }

    private Decoded decodeWithFfmpeg(Path file, int maxSide) {
        FFmpegFrameGrabber grabber = Ffmpeg.open(file, 1, true);
        try {
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            if (width <= 0 || height <= 0) {
                throw new MediaFormatException("not a readable image");
            }
            checkDeclared(width, height);
            int factor = subsampling(width, height, maxSide);
            if (factor > 1) {
                grabber.setImageWidth(Math.max(1, width / factor));
                grabber.setImageHeight(Math.max(1, height / factor));
            }
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                throw new MediaFormatException("not a readable image (no picture decoded)");
            }
            int w = frame.imageWidth;
            int h = frame.imageHeight;
            java.nio.ByteBuffer source = ((java.nio.ByteBuffer) frame.image[0]).duplicate();
            byte[] bgra = new byte[w * h * 4];
            for (int y = 0; y < h; y++) {
                source.position(y * frame.imageStride);
                source.get(bgra, y * w * 4, w * 4);
            }
            return new Decoded(new VideoFrame(0, 0, w, h, bgra).toBufferedImage(), width, height);
        } catch (MediaFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new MediaFormatException("not a readable image (" + MediaErrors.describe(e) + ")", e);
        } finally {
            Ffmpeg.closeQuietly(grabber);
        }
    }

    static void checkDeclared(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new MediaFormatException("declares an empty picture (" + width + "x" + height + ")");
        }
        if (width * height > MAX_DECLARED_PIXELS) {
            throw new MediaFormatException("declares " + width + "x" + height + " pixels, beyond the "
                    + MAX_DECLARED_PIXELS / 1_000_000 + " megapixel limit (possible decompression bomb); not decoded");
        }
    }

    private static int subsampling(int width, int height, int maxSide) {
        int longest = Math.max(width, height);
        return Math.max(1, (int) Math.ceil(longest / (double) Math.max(1, maxSide)));
    }
}
