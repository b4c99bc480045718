package org.groundtruth.media;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.TelemetryFix;
import org.groundtruth.core.evidence.TelemetryTrack;

/**
 * DJI flight telemetry written as SRT subtitles beside the video. Two generations of firmware:
 * <ul>
 * <li>old: {@code GPS(lon,lat,alt)} or {@code GPS (lon, lat, alt)} — <em>longitude first</em> (Mavic Pro, Mini);</li>
 * <li>new: {@code [latitude: ..] [longitude: ..] [altitude: ..]} or {@code [rel_alt: .. abs_alt: ..]}, some
 * firmware spelling it {@code longtitude} (Air 2S, Mavic 3).</li>
 * </ul>
 * A truncated file gives the fixes read so far plus a warning.
 */
public final class DjiSrtParser {
    public static final String GPS_SOURCE = "DJI SRT";
    private static final Pattern TIMECODE = Pattern.compile(
            "(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{1,3})\\s*-->\\s*(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{1,3})");
    private static final Pattern OLD_GPS = Pattern.compile(
            "GPS\\s*\\(\\s*(" + Num.P + ")\\s*,\\s*(" + Num.P + ")\\s*(?:,\\s*(" + Num.P + ")\\s*M?\\s*)?\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LATITUDE = bracket("latitude");
    private static final Pattern LONGITUDE = bracket("long?t?itude");
    private static final Pattern ALTITUDE = bracket("altitude");
    private static final Pattern ABS_ALT = Pattern.compile("abs_alt\\s*:\\s*(" + Num.P + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEVICE_TIME = Pattern.compile(
            "\\d{4}[-.:]\\d{2}[-.:]\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}");

    private static Pattern bracket(String key) {
        return Pattern.compile("\\[\\s*" + key + "\\s*:\\s*(" + Num.P + ")", Pattern.CASE_INSENSITIVE);
    }

    /** True when the text starts like an SRT file: a block number, then a timecode line. */
    public static boolean looksLikeSrt(String head) {
        String text = stripBom(head);
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList();
        return lines.size() == 2 && lines.get(0).matches("\\d{1,9}") && TIMECODE.matcher(lines.get(1)).find();
    }

    /**
     * Parses SRT telemetry. Throws {@link MediaFormatException} when the text holds no SRT block at all; damaged
     * blocks are skipped with a warning.
     */
    public TelemetryTrack parse(byte[] content) {
        String text = stripBom(decode(content));
        List<String> rawBlocks = splitBlocks(text);
        List<TelemetryFix> fixes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int blocks = 0;
        int withoutPosition = 0;
        int skipped = 0;
        for (int i = 0; i < rawBlocks.size(); i++) {
            boolean last = i == rawBlocks.size() - 1;
            List<String> lines = rawBlocks.get(i).lines().toList();
            Optional<Double> start = lines.size() >= 2 ? startSeconds(lines.get(1)) : Optional.empty();
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,9}") || start.isEmpty()) {
                if (last && blocks > 0) {
                    warnings.add("truncated: the last block (after block " + blocks + ") is incomplete");
                } else {
                    skipped++;
                }
                continue;
            }
            blocks++;
            int sequence = Integer.parseInt(lines.get(0).strip());
            String body = String.join(" ", lines.subList(2, lines.size()));
            Optional<GpsFix> position = position(body);
            if (position.isPresent()) {
                fixes.add(new TelemetryFix(sequence, start.get(), deviceTime(body), position.get()));
            } else if (last && !fixes.isEmpty()) {
                warnings.add("truncated: block " + sequence + " ends before its GPS position; " + fixes.size()
                        + " fixes read");
            } else {
                withoutPosition++;
            }
        }
        if (blocks == 0) {
            throw new MediaFormatException("not an SRT telemetry file (no subtitle block found)");
        }
        if (skipped > 0) {
            warnings.add(skipped + " damaged block(s) skipped");
        }
        if (fixes.isEmpty()) {
            warnings.add("no GPS position in " + blocks + " block(s)");
        } else if (withoutPosition > 0) {
            warnings.add(withoutPosition + " block(s) without a GPS position");
        }
        return new TelemetryTrack(fixes, blocks, warnings);
    }

    static Optional<GpsFix> position(String body) {
        Matcher old = OLD_GPS.matcher(body);
        if (old.find()) {
            // longitude first in this generation of firmware
            return GpsFix.of(Num.parse(old.group(2)), Num.parse(old.group(1)),
                    Optional.ofNullable(old.group(3)).map(Num::parse), GPS_SOURCE);
        }
        Matcher lat = LATITUDE.matcher(body);
        Matcher lon = LONGITUDE.matcher(body);
        if (lat.find() && lon.find()) {
            Optional<Double> altitude = Optional.empty();
            Matcher alt = ALTITUDE.matcher(body);
            Matcher abs = ABS_ALT.matcher(body);
            if (alt.find()) {
                altitude = Optional.of(Num.parse(alt.group(1)));
            } else if (abs.find()) {
                altitude = Optional.of(Num.parse(abs.group(1)));
            }
            return GpsFix.of(Num.parse(lat.group(1)), Num.parse(lon.group(1)), altitude, GPS_SOURCE);
        }
        return Optional.empty();
    }

    private static Optional<java.time.LocalDateTime> deviceTime(String body) {
        Matcher m = DEVICE_TIME.matcher(body);
        return m.find() ? ExifDates.parse(m.group()) : Optional.empty();
    }

    private static Optional<Double> startSeconds(String line) {
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
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MediaFormatException("not a text file");
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Decimal numbers as DJI writes them. */
    private static final class Num {
        static final String P = "[-+]?\\d+(?:\\.\\d+)?";

        static double parse(String text) {
            return Double.parseDouble(text);
        }
    }
}
