package org.groundtruth.media.telemetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.media.MediaFiles;
import org.groundtruth.media.MediaFormatException;

/**
 * The GPS track (and camera orientation) of a GoPro video, from its GPMF metadata track ({@code gpmd}): JavaCV
 * hands over the packets with their timestamps; {@link GpmfParser} reads the KLV. Each payload covers one packet's
 * span of video time, and its samples are spread evenly across it, so a sample's time maps to a video frame.
 */
public final class GoProTelemetryReader {
    public static final String FORMAT = "GoPro GPMF";
    /** 'gpmd' as FFmpeg's little-endian codec tag. */
    private static final int GPMD_TAG = 'g' | 'p' << 8 | 'm' << 16 | 'd' << 24;
    /** GoPro writes GPSF 2 (2D) or 3 (3D); 0 means no fix, and its positions are stale. */
    private static final int MIN_FIX = 2;

    /** The track, or empty when the file has no GPMF track; throws {@link MediaFormatException} when unreadable. */
    public Optional<FlightTrack> read(Path file) {
        MediaFiles.requireReadable(file);
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
            AVFormatContext context = grabber.getFormatContext();
            int stream = -1;
            for (int i = 0; i < context.nb_streams(); i++) {
                if (context.streams(i).codecpar().codec_tag() == GPMD_TAG) {
                    stream = i;
                    break;
                }
            }
            if (stream < 0) {
                return Optional.empty();
            }
            AVStream gpmd = context.streams(stream);
            AVRational base = gpmd.time_base();
            double unit = base.den() == 0 ? 0 : base.num() / (double) base.den();
            double frameRate = grabber.getFrameRate();
            List<Packet> packets = new ArrayList<>();
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                try {
                    if (packet.stream_index() == stream && packet.size() > 0) {
                        byte[] data = new byte[packet.size()];
                        packet.data().get(data);
                        double start = packet.pts() == avutil.AV_NOPTS_VALUE ? Double.NaN : packet.pts() * unit;
                        packets.add(new Packet(start, packet.duration() * unit, data));
                    }
                } finally {
                    org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(packet);
                }
            }
            // packet times are on the container's clock, which the video shares: time 0 is the first frame
            FlightTrack track = toTrack(packets, gpmd.start_time() == avutil.AV_NOPTS_VALUE ? 0
                    : Math.max(0, gpmd.start_time() * unit));
            return Optional.of(Double.isFinite(frameRate) && frameRate > 0 && frameRate < 10_000
                    ? track.withFrameRate(frameRate) : track);
        } catch (MediaFormatException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new MediaFormatException("not a readable video (" + e.getMessage() + ")", e);
        } finally {
            try {
                grabber.close();
            } catch (Exception e) {
                // closing after reading: nothing left to report
            }
        }
    }

    private record Packet(double start, double duration, byte[] data) {
    }

    static FlightTrack toTrack(List<Packet> packets, double videoStart) {
        GpmfParser parser = new GpmfParser();
        List<TelemetrySample> samples = new ArrayList<>();
        List<double[]> orientationTimes = new ArrayList<>();
        int noFix = 0;
        double clock = 0;
        for (Packet p : packets) {
            double start = Double.isFinite(p.start()) ? p.start() - videoStart : clock;
            double span = p.duration() > 0 ? p.duration() : 1.001;
            clock = start + span;
            GpmfParser.Payload payload = parser.parse(p.data());
            for (int i = 0; i < payload.cameraOrientation().size(); i++) {
                double[] q = payload.cameraOrientation().get(i);
                orientationTimes.add(new double[] {start + span * i / payload.cameraOrientation().size(), q[0], q[1], q[2], q[3]});
            }
            for (GpmfParser.GpsPayload gps : payload.gps()) {
                if (gps.fix().isPresent() && gps.fix().get() < MIN_FIX) {
                    noFix += gps.positions().size();
                    continue;
                }
                int n = gps.positions().size();
                for (int i = 0; i < n; i++) {
                    double[] r = gps.positions().get(i);
                    double lat = r[0];
                    double lon = r[1];
                    if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180
                            || (lat == 0 && lon == 0)) {
                        noFix++;
                        continue;
                    }
                    double t = Math.max(0, start + span * i / n);
                    final int index = i;
                    samples.add(TelemetrySample.at(t, lat, lon)
                            .withAltitudes(Optional.of(r[2]).filter(a -> a > -20_000 && a < 1_000_000), Optional.empty())
                            .withUtcTime(gps.utc().map(u -> u.plusNanos(Math.round(span * index / n * 1e9))
                                    .toInstant(java.time.ZoneOffset.UTC))));
                }
            }
        }
        List<TelemetrySample> withOrientation = orientationTimes.isEmpty() ? samples
                : samples.stream().map(s -> s.withRelativeOrientation(Optional.of(
                        Quaternions.toAngles(nearest(orientationTimes, s.timeSeconds()))))).toList();
        List<String> warnings = new ArrayList<>();
        if (packets.isEmpty()) {
            warnings.add("the GPMF track is empty");
        } else if (samples.isEmpty()) {
            warnings.add("no GPS fix in the GPMF track (the camera had no satellite lock)");
        }
        if (noFix > 0 && !samples.isEmpty()) {
            warnings.add(noFix + " GPS sample(s) without a fix skipped");
        }
        return new FlightTrack(withOrientation, FORMAT, Optional.empty(), Optional.empty(), warnings);
    }

    private static double[] nearest(List<double[]> timed, double t) {
        double[] best = timed.get(0);
        for (double[] q : timed) {
            if (Math.abs(q[0] - t) < Math.abs(best[0] - t)) {
                best = q;
            }
        }
        return new double[] {best[1], best[2], best[3], best[4]};
    }
}
