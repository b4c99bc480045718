package org.groundtruth.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.VideoMetadataStripper;

/**
 * Strips a video for publication by remuxing it with FFmpeg's own API: every audio and video packet is copied
 * unchanged (no re-encoding, so the pixels analysts geolocated are the published ones), while container and
 * stream tags, chapters and data streams (GoPro GPMF, DJI telemetry, timecode tracks) are not carried over.
 * Codec parameters are copied whole, so a rotation matrix stays. The muxer runs bit-exact: no encoder tag.
 */
public final class VideoRemuxer implements VideoMetadataStripper {
    /** Containers FFmpeg can write back with stream copy, by the media types the importer detects. */
    private static final Map<String, String> MUXERS = Map.of("video/mp4", "mp4", "application/mp4", "mp4",
            "video/quicktime", "mov", "video/x-matroska", "matroska", "application/x-matroska", "matroska",
            "video/webm", "webm", "video/x-msvideo", "avi");

    @Override
    public boolean canStrip(String mediaType) {
        return MUXERS.containsKey(mediaType);
    }

    @Override
    public void strip(Path source, String mediaType, Path target, ProgressMonitor progress) throws IOException {
        String muxer = Optional.ofNullable(MUXERS.get(mediaType))
                .orElseThrow(() -> new IOException("cannot strip metadata from " + mediaType + ": " + source));
        Ffmpeg.init();
        MediaFiles.requireReadable(source);
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, source.toString(), (AVInputFormat) null, (AVDictionary) null), source, "open");
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (PointerPointer<?>) null), source, "read the streams of");
            check(avformat_alloc_output_context2(out, (AVOutputFormat) null, muxer, target.toString()), target,
                    "prepare");
            check(avutil.av_opt_set(out, "fflags", "+bitexact", 0), target, "prepare");
            int[] outputIndex = copyAudioAndVideoStreams(in, out, source);
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, target.toString(), AVIO_FLAG_WRITE), target, "create");
            out.pb(pb);
            check(avformat_write_header(out, (AVDictionary) null), target, "write the header of");
            long packets = 0;
            while (av_read_frame(in, packet) >= 0) {
                int from = packet.stream_index();
                if (from >= outputIndex.length || outputIndex[from] < 0) {
                    av_packet_unref(packet);
                    continue;
                }
                AVStream inStream = in.streams(from);
                AVStream outStream = out.streams(outputIndex[from]);
                av_packet_rescale_ts(packet, inStream.time_base(), outStream.time_base());
                packet.stream_index(outputIndex[from]);
                packet.pos(-1);
                check(av_interleaved_write_frame(out, packet), target, "write");
                if (packets++ % 256 == 0 && progress.isCancelled()) {
                    throw new CancellationException("export cancelled");
                }
            }
            check(av_write_trailer(out), target, "finish");
        } finally {
            av_packet_free(packet);
            // Reading a field of a context that was never allocated would dereference NULL in native code.
            if (!out.isNull() && out.pb() != null && !out.pb().isNull()) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
            avformat_close_input(in);
        }
    }

    /** New output streams for the input's audio and video streams, codec parameters only (no tags). */
    private static int[] copyAudioAndVideoStreams(AVFormatContext in, AVFormatContext out, Path source)
            throws IOException {
        int[] outputIndex = new int[in.nb_streams()];
        int next = 0;
        for (int i = 0; i < in.nb_streams(); i++) {
            AVStream stream = in.streams(i);
            int type = stream.codecpar().codec_type();
            // Cover art is an embedded picture, often with its own tags: not part of the footage.
            boolean attachedPicture = (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
            if ((type != avutil.AVMEDIA_TYPE_VIDEO && type != avutil.AVMEDIA_TYPE_AUDIO) || attachedPicture) {
                outputIndex[i] = -1;
                continue;
            }
            AVStream copy = avformat_new_stream(out, null);
            check(avcodec_parameters_copy(copy.codecpar(), stream.codecpar()), source, "copy a stream of");
            // The source container's codec tag may not exist in the target's; let the muxer choose.
            copy.codecpar().codec_tag(0);
            copy.time_base(stream.time_base());
            outputIndex[i] = next++;
        }
        if (next == 0) {
            throw new IOException(source + " has no audio or video stream to publish");
        }
        return outputIndex;
    }

    private static void check(int result, Path file, String what) throws IOException {
        if (result < 0) {
            byte[] text = new byte[256];
            avutil.av_strerror(result, text, text.length);
            String reason = new String(text, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "").strip();
            throw new IOException("cannot " + what + " " + file + " (" + reason + ")");
        }
    }
}
