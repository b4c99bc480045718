package org.groundtruth.store.casefile;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies a JPEG or PNG without the metadata that can locate or identify the photographer: EXIF (with its GPS
 * block), XMP, IPTC and comments in JPEG; eXIf, text and time chunks in PNG. Pixels are copied byte for byte,
 * never re-encoded. Streams: memory stays at one segment or chunk (at most 64 KiB for JPEG headers).
 */
public final class PhotoMetadataStripper {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    /** PNG chunks above this size are copied in pieces; only dropped chunks are skipped without reading. */
    private static final int COPY_BUFFER = 64 * 1024;

    private PhotoMetadataStripper() {
    }

    public static boolean canStrip(String mediaType) {
        return "image/jpeg".equals(mediaType) || "image/png".equals(mediaType);
    }

    public static void strip(String mediaType, InputStream in, OutputStream out) throws IOException {
        if ("image/jpeg".equals(mediaType)) {
            stripJpeg(new DataInputStream(in), out);
        } else if ("image/png".equals(mediaType)) {
            stripPng(new DataInputStream(in), out);
        } else {
            throw new IOException("cannot strip metadata from " + mediaType);
        }
    }

    private static void stripJpeg(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            throw new IOException("not a JPEG (no start-of-image marker)");
        }
        out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                throw new IOException("damaged JPEG: expected a marker");
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) {
                marker = in.readUnsignedByte();
            }
            if (marker == 0xD9) {
                out.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
                return;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(new byte[] {(byte) 0xFF, (byte) marker});
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new IOException("damaged JPEG: segment length " + length);
            }
            byte[] body = new byte[length - 2];
            in.readFully(body);
            if (keepJpegSegment(marker)) {
                out.write(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
                out.write(body);
            }
            if (marker == 0xDA) {
                // Start of scan: entropy-coded data and the rest of the file carry no metadata segments we drop.
                in.transferTo(out);
                return;
            }
        }
    }

    /** APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) change how pixels look. */
    private static boolean keepJpegSegment(int marker) {
        if (marker >= 0xE0 && marker <= 0xEF) {
            return marker == 0xE0 || marker == 0xE2 || marker == 0xEE;
        }
        return marker != 0xFE;
    }

    private static void stripPng(DataInputStream in, OutputStream out) throws IOException {
        byte[] signature = new byte[8];
        in.readFully(signature);
        if (!Arrays.equals(signature, PNG_SIGNATURE)) {
            throw new IOException("not a PNG (bad signature)");
        }
        out.write(signature);
        byte[] buffer = new byte[COPY_BUFFER];
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (length < 0) {
                throw new IOException("damaged PNG: chunk length " + length);
            }
            byte[] type = new byte[4];
            in.readFully(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            boolean keep = !PNG_DROPPED.contains(name);
            if (keep) {
                out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                        (byte) length});
                out.write(type);
            }
            long remaining = (long) length + 4; // data and CRC
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("damaged PNG: truncated " + name + " chunk");
                }
                if (keep) {
                    out.write(buffer, 0, n);
                }
                remaining -= n;
            }
            if (name.equals("IEND")) {
                return;
            }
        }
    }
}
