package org.groundtruth.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;

/**
 * The MP4/MOV {@code moov/udta} boxes FFmpeg reads only in part: 3GPP {@code loci} (latitude and longitude as 16.16
 * fixed point — FFmpeg rounds them to 4 decimals, about 11 m, when it writes its {@code location} tag), QuickTime
 * {@code ©xyz} (the ISO 6709 text as written) and the capture time with its UTC offset ({@code date}, as Android and
 * 3GPP write it, or {@code ©day}) that FFmpeg drops. Reads box headers and the {@code moov} box only (at most
 * {@value #MAX_MOOV} bytes), wherever it lies in the file; anything malformed is ignored (FFmpeg's reading stands).
 */
final class Mp4UserData {
    static final int MAX_MOOV = 64 * 1024 * 1024;
    static final String SOURCE = "container location";
    private static final List<DateTimeFormatter> OFFSET_TIMES = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT));

    /** A position at full precision and the local capture time with its offset, each when the file has it. */
    record Found(Optional<GpsFix> location, Optional<OffsetDateTime> localTime, String locationBox) {
        static final Found NONE = new Found(Optional.empty(), Optional.empty(), "");
    }

    private Mp4UserData() {
    }

    static Found read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position + 8 <= size) {
                header.clear().limit(16);
                channel.read(header, position);
                header.flip();
                if (header.remaining() < 8) {
                    return Found.NONE;
                }
                long boxSize = header.getInt(0) & 0xffffffffL;
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                int headerSize = 8;
                if (boxSize == 1 && header.remaining() >= 16) {
                    boxSize = header.getLong(8);
                    headerSize = 16;
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (boxSize < headerSize || position + boxSize > size) {
                    return Found.NONE;
                }
                if (type.equals("moov")) {
                    long body = boxSize - headerSize;
                    if (body > MAX_MOOV) {
                        return Found.NONE;
                    }
                    ByteBuffer moov = ByteBuffer.allocate((int) body);
                    while (moov.hasRemaining() && channel.read(moov, position + headerSize + moov.position()) > 0) {
                        // read the whole box
                    }
                    moov.flip();
                    return userData(moov);
                }
                position += boxSize;
            }
        } catch (IOException | RuntimeException e) {
            return Found.NONE; // FFmpeg's reading of the container stands
        }
        return Found.NONE;
    }

    private static Found userData(ByteBuffer moov) {
        Optional<ByteBuffer> udta = child(moov, "udta");
        if (udta.isEmpty()) {
            return Found.NONE;
        }
        ByteBuffer u = udta.get();
        Optional<GpsFix> xyz = child(u, "\u00a9xyz").flatMap(Mp4UserData::text).flatMap(t -> Iso6709.parse(t, SOURCE));
        Optional<GpsFix> loci = child(u, "loci").flatMap(Mp4UserData::loci);
        Optional<OffsetDateTime> time = child(u, "date").map(Mp4UserData::raw).flatMap(Mp4UserData::offsetTime)
                .or(() -> child(u, "\u00a9day").flatMap(Mp4UserData::text).flatMap(Mp4UserData::offsetTime));
        return new Found(xyz.or(() -> loci), time, xyz.isPresent() ? "\u00a9xyz" : loci.isPresent() ? "loci" : "");
    }

    /** The body of the first child box of {@code type} in {@code parent} (positions relative to a slice). */
    static Optional<ByteBuffer> child(ByteBuffer parent, String type) {
        int position = 0;
        int limit = parent.limit();
        while (position + 8 <= limit) {
            long size = parent.getInt(position) & 0xffffffffL;
            byte[] name = new byte[4];
            parent.get(position + 4, name);
            int header = 8;
            if (size == 1) {
                if (position + 16 > limit) {
                    return Optional.empty();
                }
                size = parent.getLong(position + 8);
                header = 16;
            } else if (size == 0) {
                size = limit - position;
            }
            if (size < header || position + size > limit) {
                return Optional.empty();
            }
            if (new String(name, StandardCharsets.ISO_8859_1).equals(type)) {
                return Optional.of(parent.slice(position + header, (int) size - header));
            }
            position += (int) size;
        }
        return Optional.empty();
    }

    /** 3GPP TS 26.244 {@code loci}: version/flags, language, name, role, longitude, latitude, altitude (16.16). */
    static Optional<GpsFix> loci(ByteBuffer b) {
        int p = 6;
        p = skipString(b, p);
        p += 1; // role
        if (p + 12 > b.limit()) {
            return Optional.empty();
        }
        double lon = b.getInt(p) / 65536.0;
        double lat = b.getInt(p + 4) / 65536.0;
        double alt = b.getInt(p + 8) / 65536.0;
        return GpsFix.of(lat, lon, Optional.of(alt), SOURCE);
    }

    /** A null-terminated string (UTF-8, or UTF-16 after a byte-order mark): the position after it. */
    private static int skipString(ByteBuffer b, int p) {
        if (p + 2 <= b.limit() && (b.get(p) & 0xff) == 0xfe && (b.get(p + 1) & 0xff) == 0xff) {
            p += 2;
            while (p + 2 <= b.limit() && (b.get(p) != 0 || b.get(p + 1) != 0)) {
                p += 2;
            }
            return p + 2;
        }
        while (p < b.limit() && b.get(p) != 0) {
            p++;
        }
        return p + 1;
    }

    /** QuickTime international text: length, language, then the text. */
    private static Optional<String> text(ByteBuffer b) {
        if (b.limit() < 4) {
            return Optional.empty();
        }
        int length = b.getShort(0) & 0xffff;
        if (4 + length > b.limit()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[length];
        b.get(4, bytes);
        return Optional.of(new String(bytes, StandardCharsets.UTF_8).strip());
    }

    private static String raw(ByteBuffer b) {
        byte[] bytes = new byte[b.limit()];
        b.get(0, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", "").strip();
    }

    static Optional<OffsetDateTime> offsetTime(String text) {
        for (DateTimeFormatter f : OFFSET_TIMES) {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip(), f));
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }
}
