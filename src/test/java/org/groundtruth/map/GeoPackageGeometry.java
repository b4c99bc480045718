package org.groundtruth.map;

import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** GeoPackage geometry blob → JTS: the "GP" header (version, flags, SRS id, optional envelope), then standard WKB. */
public final class GeoPackageGeometry {
    private GeoPackageGeometry() {
    }

    /** Empty for a null, non-GeoPackage or empty geometry. */
    public static Optional<Geometry> decode(byte[] blob, WKBReader reader) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0b1_0000) != 0) {
            return Optional.empty();
        }
        int envelopeCode = (blob[3] >> 1) & 0b111;
        int envelopeBytes = switch (envelopeCode) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("invalid GeoPackage envelope code " + envelopeCode);
        };
        byte[] wkb = new byte[blob.length - 8 - envelopeBytes];
        System.arraycopy(blob, 8 + envelopeBytes, wkb, 0, wkb.length);
        try {
            return Optional.of(reader.read(wkb));
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable WKB in a GeoPackage geometry: " + e.getMessage(), e);
        }
    }
}
