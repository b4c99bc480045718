package org.groundtruth.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.telemetry.CoordinateOrder;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.OrderDecision;
import org.groundtruth.core.telemetry.OrderEvidence;
import org.groundtruth.core.telemetry.TelemetrySample;

/**
 * DJI flight telemetry written as SRT subtitles, every generation seen so far:
 * <ul>
 * <li>old ({@code HOME(a,b) date} and {@code GPS(a,b,alt) BAROMETER:h} lines; Mavic Mini's {@code GPS (a, b, alt),
 * D 221m, H 200m}): the order of a and b is decided by {@link CoordinateOrderResolver}, and the rule that decided
 * is returned;</li>
 * <li>new ({@code [latitude: ..] [longitude: ..]} or the misspelt {@code longtitude}, {@code [rel_alt: ..
 * abs_alt: ..]}, {@code [altitude: ..]}, gimbal {@code gb_yaw/gb_pitch/gb_roll}, {@code SrtCnt}/{@code FrameCnt},
 * {@code DiffTime}, ISO, shutter, f-number, focal length and the capture date), with or without {@code -->} lines.</li>
 * </ul>
 * Damaged blocks are skipped with a warning; a truncated last block is reported as such.
 */
public final class SrtTelemetryParser {
    public static final String FORMAT = "DJI SRT";
    private static final String NUM = "[-+]?\\d+(?:\\.\\d+)?";
    private static final Pattern TIMECODE = Pattern.compile(
            "(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{1,3})\\s*-->\\s*(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{1,3})");
    private static final Pattern OLD_GPS = Pattern.compile(
            "GPS\\s*\\(\\s*(" + NUM + ")\\s*,\\s*(" + NUM + ")\\s*(?:,\\s*(" + NUM + ")\\s*M?\\s*)?\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOME = Pattern.compile(
            "HOME\\s*\\(\\s*(" + NUM + ")\\s*,\\s*(" + NUM + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern LATITUDE = bracket("latitude");
    private static final Pattern LONGITUDE = bracket("long?t?itude");
    private static final Pattern ALTITUDE = bracket("altitude");
    private static final Pattern REL_ALT = key("rel_alt");
    private static final Pattern ABS_ALT = key("abs_alt");
    private static final Pattern BAROMETER = key("BAROMETER");
    private static final Pattern HEIGHT = Pattern.compile("(?:^|[,\\s])H\\s+(" + NUM + ")\\s*m", Pattern.CASE_INSENSITIVE);
    private static final Pattern GB_YAW = key("gb_yaw");
    private static final Pattern GB_PITCH = key("gb_pitch");
    private static final Pattern GB_ROLL = key("gb_roll");
    private static final Pattern FLIGHT_YAW = Pattern.compile("(?:drone_yaw|flight_yaw|dzoom_yaw)\\s*:?\\s*(" + NUM + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAME_COUNT = Pattern.compile("(?:SrtCnt|FrameCnt)\\s*:\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIFF_TIME = Pattern.compile("DiffTime\\s*:\\s*(\\d+)\\s*ms", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})[-.:](\\d{2})[-.:](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:[,.](\\d{1,3}))?");
    private static final Pattern ISO = Pattern.compile("ISO\\s*:?\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHUTTER = Pattern.compile("(?:shutter\\s*:?|SS)\\s*(\\d+(?:/\\d+(?:\\.\\d+)?)?(?:\\.\\d+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FNUM = Pattern.compile("(?:fnum\\s*:?\\s*F?|F/)(" + NUM + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOCAL = Pattern.compile("focal_len\\s*:\\s*(" + NUM + ")", Pattern.CASE_INSENSITIVE);

    /** The track and, per sample, the block's sequence number; {@code blocks} counts every readable block. */
    public record Result(FlightTrack track, List<Integer> sequences, int blocks, int withoutPosition) {
        public Result {
            sequences = List.copyOf(sequences);
        }
    }

    /** What helps decide the order of old {@code GPS(a,b)} pairs besides the file itself. */
    public record Hints(Optional<String> model, Optional<org.groundtruth.core.geo.LatLon> containerPosition,
            Optional<CoordinateOrder> override) {
        public static final Hints NONE = new Hints(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final CoordinateOrderResolver resolver;

    public SrtTelemetryParser(CoordinateOrderResolver resolver) {
        this.resolver = resolver;
    }

    private static Pattern bracket(String k) {
        return Pattern.compile("\\[\\s*" + k + "\\s*:\\s*(" + NUM + ")", Pattern.CASE_INSENSITIVE);
    }

    private static Pattern key(String k) {
        return Pattern.compile("\\b" + k + "\\s*:\\s*(" + NUM + ")", Pattern.CASE_INSENSITIVE);
    }

    /** True when the text starts like an SRT file: a block number, then a timecode line. */
    public static boolean looksLikeSrt(String head) {
        String text = stripBom(head);
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList();
        return lines.size() == 2 && lines.get(0).matches("\\d{1,9}") && TIMECODE.matcher(lines.get(1)).find();
    }

    /** Throws {@link MediaFormatException} when the text holds no SRT block at all. */
    public Result parse(byte[] content, Hints hints) {
        List<String> rawBlocks = splitBlocks(stripBom(decode(content)));
        List<Block> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < rawBlocks.size(); i++) {
            boolean last = i == rawBlocks.size() - 1;
            Optional<Block> block = Block.read(rawBlocks.get(i), blocks.size());
            if (block.isEmpty()) {
                if (last && !blocks.isEmpty()) {
                    warnings.add("truncated: the last block (after block " + blocks.size() + ") is incomplete");
                } else {
                    skipped++;
                }
                continue;
            }
            blocks.add(block.get());
        }
        if (blocks.isEmpty()) {
            throw new MediaFormatException("not an SRT telemetry file (no subtitle block found)");
        }
        Optional<OrderDecision> order = decideOrder(blocks, hints);
        List<TelemetrySample> samples = new ArrayList<>();
        List<Integer> sequences = new ArrayList<>();
        int withoutPosition = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Optional<TelemetrySample> sample = b.sample(order.map(OrderDecision::order).orElse(CoordinateOrder.LON_LAT));
            if (sample.isPresent()) {
                samples.add(sample.get());
                sequences.add(b.sequence);
            } else if (i == blocks.size() - 1 && !samples.isEmpty()) {
                warnings.add("truncated: block " + b.sequence + " ends before its GPS position; " + samples.size()
                        + " fixes read");
            } else {
                withoutPosition++;
            }
        }
        if (skipped > 0) {
            warnings.add(skipped + " damaged block(s) skipped");
        }
        if (samples.isEmpty()) {
            warnings.add("no GPS position in " + blocks.size() + " block(s)");
        } else if (withoutPosition > 0) {
            warnings.add(withoutPosition + " block(s) without a GPS position");
        }
        FlightTrack track = new FlightTrack(samples, FORMAT, order, Optional.empty(), warnings);
        return new Result(track, sequences, blocks.size(), withoutPosition);
    }

    private Optional<OrderDecision> decideOrder(List<Block> blocks, Hints hints) {
        List<double[]> gps = blocks.stream().filter(b -> b.oldGps.isPresent()).map(b -> b.oldGps.get()).toList();
        if (gps.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> home = blocks.stream().filter(b -> b.home.isPresent()).map(b -> b.home.get()).limit(1).toList();
        return Optional.of(resolver.decide(new OrderEvidence(gps, home, hints.model(), hints.containerPosition(),
                hints.override())));
    }

    /** One subtitle block as written, before the coordinate order is known. */
    private static final class Block {
        int sequence;
        double start;
        String body;
        Optional<double[]> oldGps = Optional.empty();
        Optional<double[]> home = Optional.empty();

        static Optional<Block> read(String raw, int index) {
            List<String> lines = raw.lines().toList();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            Block b = new Block();
            int bodyFrom;
            if (lines.get(0).strip().matches("\\d{1,9}") && lines.size() >= 2 && startSeconds(lines.get(1)).isPresent()) {
                b.sequence = Integer.parseInt(lines.get(0).strip());
                b.start = startSeconds(lines.get(1)).get();
                bodyFrom = 2;
            } else if (lines.get(0).strip().matches("\\d{1,9}") && lines.size() >= 2
                    && !lines.get(1).contains("-->")) {
                b.sequence = Integer.parseInt(lines.get(0).strip());
                b.start = Double.NaN;
                bodyFrom = 1;
            } else if (!lines.get(0).contains("-->") && (lines.get(0).contains("[") || lines.get(0).contains("FrameCnt")
                    || lines.get(0).contains("SrtCnt") || lines.get(0).toUpperCase().contains("GPS"))) {
                // blocks without the number and "-->" lines (some exports): time from DiffTime or the frame count
                b.sequence = index + 1;
                b.start = Double.NaN;
                bodyFrom = 0;
            } else {
                return Optional.empty();
            }
            b.body = String.join(" ", lines.subList(bodyFrom, lines.size())).replaceAll("<[^>]*>", " ");
            Matcher old = OLD_GPS.matcher(b.body);
            if (old.find()) {
                b.oldGps = Optional.of(new double[] {Double.parseDouble(old.group(1)), Double.parseDouble(old.group(2)),
                        old.group(3) == null ? Double.NaN : Double.parseDouble(old.group(3))});
            }
            Matcher h = HOME.matcher(b.body);
            if (h.find()) {
                b.home = Optional.of(new double[] {Double.parseDouble(h.group(1)), Double.parseDouble(h.group(2))});
            }
            return Optional.of(b);
        }

        Optional<TelemetrySample> sample(CoordinateOrder order) {
            double lat;
            double lon;
            Optional<Double> altitude = Optional.empty();
            Optional<Double> relative = Optional.empty();
            if (oldGps.isPresent()) {
                double[] p = oldGps.get();
                lat = order.latitude(p[0], p[1]);
                lon = order.longitude(p[0], p[1]);
                altitude = Double.isNaN(p[2]) ? Optional.empty() : Optional.of(p[2]);
                relative = number(BAROMETER).or(() -> number(HEIGHT));
            } else {
                Optional<Double> la = number(LATITUDE);
                Optional<Double> lo = number(LONGITUDE);
                if (la.isEmpty() || lo.isEmpty()) {
                    return Optional.empty();
                }
                lat = la.get();
                lon = lo.get();
                altitude = number(ABS_ALT).or(() -> number(ALTITUDE));
                relative = number(REL_ALT);
            }
            if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180
                    || (Math.abs(lat) < 1e-9 && Math.abs(lon) < 1e-9)) {
                return Optional.empty();
            }
            Optional<Integer> frame = integer(FRAME_COUNT).map(n -> Math.max(0, n - 1));
            double time = Double.isNaN(start) ? frame.flatMap(f -> number(DIFF_TIME).map(d -> f * d / 1000.0))
                    .orElse((double) (sequence - 1)) : start;
            TelemetrySample s = TelemetrySample.at(Math.max(0, time), lat, lon).withFrame(frame)
                    .withAltitudes(altitude.filter(SrtTelemetryParser::plausibleAltitude),
                            relative.filter(SrtTelemetryParser::plausibleAltitude))
                    .withAngles(angle(GB_YAW, 360), angle(GB_PITCH, 180), angle(GB_ROLL, 180), angle(FLIGHT_YAW, 360))
                    .withLocalTime(localTime())
                    .withExposure(new TelemetrySample.Exposure(integer(ISO), text(SHUTTER), fNumber(), focal()));
            return Optional.of(s);
        }

        private Optional<Double> angle(Pattern p, double limit) {
            return number(p).filter(v -> Math.abs(v) <= limit);
        }

        private Optional<Double> fNumber() {
            Matcher m = FNUM.matcher(body);
            if (!m.find()) {
                return Optional.empty();
            }
            double v = Double.parseDouble(m.group(1));
            // new firmware writes f/2.8 as "280"
            return Optional.of(!m.group(1).contains(".") && v >= 100 ? v / 100 : v).filter(f -> f > 0 && f < 1000);
        }

        private Optional<Double> focal() {
            Matcher m = FOCAL.matcher(body);
            if (!m.find()) {
                return Optional.empty();
            }
            double v = Double.parseDouble(m.group(1));
            // Air 2S firmware writes 24.0 mm as "240"
            return Optional.of(!m.group(1).contains(".") && v >= 100 ? v / 10 : v).filter(f -> f > 0 && f < 10_000);
        }

        private Optional<LocalDateTime> localTime() {
            Matcher m = DATE_TIME.matcher(body);
            if (!m.find()) {
                return Optional.empty();
            }
            try {
                String millis = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
                return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)), Integer.parseInt(millis) * 1_000_000));
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private Optional<Double> number(Pattern p) {
            Matcher m = p.matcher(body);
            return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
        }

        private Optional<Integer> integer(Pattern p) {
            Matcher m = p.matcher(body);
            try {
                return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private Optional<String> text(Pattern p) {
            Matcher m = p.matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    private static boolean plausibleAltitude(double metres) {
        return Double.isFinite(metres) && metres >= -20_000 && metres <= 1_000_000;
    }

    static Optional<Double> startSeconds(String line) {
        Matcher m = TIMECODE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String millis = (m.group(4) + "00").substring(0, 3);
        return Optional.of(Integer.parseInt(m.group(1)) * 3600.0 + Integer.parseInt(m.group(2)) * 60.0
                + Integer.parseInt(m.group(3)) + Integer.parseInt(millis) / 1000.0);
    }

    private static List<String> splitBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (line.isBlank()) {
                if (current.length() > 0) {
                    blocks.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(line.strip()).append('\n');
            }
        }
        if (current.length() > 0) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new MediaFormatException("not a text file");
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

}
