package org.groundtruth.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.groundtruth.core.casefile.FigureException;
import org.groundtruth.core.casefile.FrameBox;
import org.groundtruth.core.casefile.FrameFigureRequest;
import org.groundtruth.core.casefile.FrameFigures;
import org.groundtruth.core.casefile.ReportImage;
import org.groundtruth.core.verify.NormalizedBox;

/**
 * Frames for the case-file report: the photo, or frame N of the video (frame-exact through {@link VideoDecoder}),
 * scaled to at most {@link #MAX_WIDTH}×{@link #MAX_HEIGHT}, with each insignia box drawn in {@link #BOX_COLOUR}
 * and its label, as JPEG. The last video stays open, since an incident's frames usually come from one clip. Not
 * thread-safe: one export uses one instance.
 */
public final class EvidenceFrameFigures implements FrameFigures {
    public static final int MAX_WIDTH = 640;
    public static final int MAX_HEIGHT = 480;
    /** Magenta: rare in street scenes and in rescue-service liveries (red, yellow, white, blue). */
    public static final Color BOX_COLOUR = new Color(0xFF, 0x00, 0xB4);
    public static final float BOX_STROKE_PX = 3f;
    private static final float JPEG_QUALITY = 0.88f;

    private Optional<VideoDecoder> video = Optional.empty();

    @Override
    public Optional<ReportImage> frame(FrameFigureRequest request) {
        BufferedImage picture;
        try {
            picture = scaled(decode(request));
        } catch (RuntimeException | LinkageError e) {
            // The report gets a short reason; FFmpeg's details (with the vault path) go to the log with the cause.
            String what = request.mediaType().startsWith("video/") ? "the video" : "the file";
            throw new FigureException(what + " cannot be decoded (corrupt or truncated?)", e);
        }
        drawBoxes(picture, request);
        return Optional.of(new ReportImage("image/jpeg", jpeg(picture), picture.getWidth(), picture.getHeight()));
    }

    /** JPEG, not PNG: a photographic frame is 5–10 times smaller, and a report may carry hundreds. */
    static byte[] jpeg(BufferedImage picture) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private BufferedImage decode(FrameFigureRequest request) {
        if (request.mediaType().startsWith("video/")) {
            return decoder(request.original()).frame(request.frameNumber().orElse(0L)).toBufferedImage();
        }
        if (request.mediaType().startsWith("image/")) {
            // Subsampled on decode to about twice the final size, then smoothed down.
            return new StillImageDecoder().decode(request.original(), 2 * MAX_WIDTH).image();
        }
        throw new MediaFormatException("is " + request.mediaType() + ", not a photo or video");
    }

    private VideoDecoder decoder(Path file) {
        if (video.isPresent() && video.get().file().equals(file)) {
            return video.get();
        }
        closeVideo();
        VideoDecoder opened = VideoDecoder.open(file);
        video = Optional.of(opened);
        return opened;
    }

    static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1, Math.min(MAX_WIDTH / (double) source.getWidth(),
                MAX_HEIGHT / (double) source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void drawBoxes(BufferedImage picture, FrameFigureRequest request) {
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            FontMetrics metrics = g.getFontMetrics();
            for (FrameBox box : request.boxes()) {
                NormalizedBox b = box.box();
                int x = (int) Math.round(b.x() * picture.getWidth());
                int y = (int) Math.round(b.y() * picture.getHeight());
                int w = Math.max(2, (int) Math.round(b.width() * picture.getWidth()));
                int h = Math.max(2, (int) Math.round(b.height() * picture.getHeight()));
                g.setColor(BOX_COLOUR);
                g.setStroke(new BasicStroke(BOX_STROKE_PX));
                g.drawRect(x, y, w, h);
                if (!box.label().isEmpty()) {
                    int labelWidth = metrics.stringWidth(box.label()) + 8;
                    int labelHeight = metrics.getHeight() + 2;
                    // above the box, or inside it when the box touches the top edge
                    int ly = y - labelHeight >= 0 ? y - labelHeight : y + 2;
                    int lx = Math.max(0, Math.min(x, picture.getWidth() - labelWidth));
                    g.fillRect(lx, ly, labelWidth, labelHeight);
                    g.setColor(Color.WHITE);
                    g.drawString(box.label(), lx + 4, ly + metrics.getAscent() + 1);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private void closeVideo() {
        video.ifPresent(VideoDecoder::close);
        video = Optional.empty();
    }

    @Override
    public void close() {
        closeVideo();
    }
}
