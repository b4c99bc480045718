package org.groundtruth.media.insignia;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.groundtruth.media.VideoFrame;

/**
 * Writes frames into an H.264 MP4 through JavaCV's recorder (no ffmpeg program needed), at a chosen bit rate —
 * low rates reproduce the blocking of videos re-posted on messaging channels. Written to a temp file, then renamed.
 */
public final class SyntheticVideo implements AutoCloseable {
    private final FFmpegFrameRecorder recorder;
    private final Path temp;
    private final Path target;
    private final int width;
    private final int height;

    public SyntheticVideo(Path target, int width, int height, double fps, int bitsPerSecond) throws Exception {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".part.mp4");
        this.width = width;
        this.height = height;
        recorder = new FFmpegFrameRecorder(temp.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize((int) Math.round(fps * 2));
        recorder.setVideoBitrate(bitsPerSecond);
        recorder.start();
    }

    /** Appends one frame (its size must be the video's). */
    public void add(VideoFrame frame) throws Exception {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height() + ", video " + width + "x" + height);
        }
        ByteBuffer pixels = ByteBuffer.wrap(frame.bgra());
        recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 4, width * 4, avutil.AV_PIX_FMT_BGRA, pixels);
    }

    /** The encoder FFmpeg chose for H.264 (libx264, libopenh264…). */
    public String encoder() {
        return recorder.getVideoCodecName() == null ? String.valueOf(recorder.getVideoCodec()) : recorder.getVideoCodecName();
    }

    @Override
    public void close() throws Exception {
        recorder.stop();
        recorder.release();
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
