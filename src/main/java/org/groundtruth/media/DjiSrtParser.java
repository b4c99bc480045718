package org.groundtruth.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.TelemetryFix;
import org.groundtruth.core.evidence.TelemetryTrack;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.OrderDecision;
import org.groundtruth.core.telemetry.SettlementDistance;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.media.SrtTelemetryParser;

/**
 * DJI flight telemetry written as SRT subtitles beside the video, as the evidence item's positions
 * ({@link TelemetryTrack}). Reading is done by {@link SrtTelemetryParser} (every firmware generation; the order of
 * old {@code GPS(a,b)} lines decided by reasoning, see {@link CoordinateOrderResolver}); this class keeps the shape
 * stored with evidence items. A truncated file gives the fixes read so far plus a warning.
 */
public final class DjiSrtParser {
    public static final String GPS_SOURCE = "DJI SRT";

    private final SrtTelemetryParser parser;
    private Optional<OrderDecision> lastOrder = Optional.empty();

    public DjiSrtParser() {
        this(new SrtTelemetryParser(new CoordinateOrderResolver(SettlementDistance.NONE)));
    }

    public DjiSrtParser(SrtTelemetryParser parser) {
        this.parser = parser;
    }

    /** True when the text starts like an SRT file: a block number, then a timecode line. */
    public static boolean looksLikeSrt(String head) {
        return SrtTelemetryParser.looksLikeSrt(head);
    }

    /**
     * Parses SRT telemetry. Throws {@link MediaFormatException} when the text holds no SRT block at all; damaged
     * blocks are skipped with a warning.
     */
    public TelemetryTrack parse(byte[] content) {
        SrtTelemetryParser.Result result = parser.parse(content, SrtTelemetryParser.Hints.NONE);
        lastOrder = result.track().order();
        List<TelemetryFix> fixes = new ArrayList<>();
        List<TelemetrySample> samples = result.track().samples();
        for (int i = 0; i < samples.size(); i++) {
            TelemetrySample s = samples.get(i);
            Optional<GpsFix> position = GpsFix.of(s.lat(), s.lon(), s.altitudeMetres(), GPS_SOURCE);
            if (position.isPresent()) {
                fixes.add(new TelemetryFix(result.sequences().get(i), s.timeSeconds(),
                        s.localTime().map(t -> t.withNano(0)), position.get()));
            }
        }
        return new TelemetryTrack(fixes, result.blocks(), result.track().warnings());
    }

    /** How the order of old {@code GPS(a,b)} lines was decided in the last file parsed, when it had such lines. */
    public Optional<OrderDecision> lastOrder() {
        return lastOrder;
    }
}
