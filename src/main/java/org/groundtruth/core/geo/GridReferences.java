package org.groundtruth.core.geo;

import java.util.Locale;
import org.apache.sis.geometry.DirectPosition2D;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.gazetteer.MilitaryGridReferenceSystem;
import org.groundtruth.core.BadInputException;
import org.opengis.geometry.DirectPosition;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * MGRS and UTM, both through Apache SIS (its MGRS coder and its UTM projections), so the maths is a
 * maintained library's and not ours. Coders are not thread-safe: each call makes its own.
 */
public final class GridReferences {
    private static final MilitaryGridReferenceSystem MGRS = new MilitaryGridReferenceSystem();
    private static final String LATITUDE_BANDS = "CDEFGHJKLMNPQRSTUVWX";

    private GridReferences() {
    }

    /** MGRS reference with 1 m precision and no spaces, e.g. {@code 36TVS7067764720}; empty near the poles. */
    public static String toMgrs(LatLon position) {
        if (position.lat() < -80 || position.lat() > 84) {
            return "";
        }
        try {
            MilitaryGridReferenceSystem.Coder coder = MGRS.createCoder();
            coder.setPrecision(1);
            return coder.encode(new DirectPosition2D(CommonCRS.WGS84.geographic(), position.lat(), position.lon()));
        } catch (TransformException | RuntimeException e) {
            return "";
        }
    }

    public static LatLon fromMgrs(String reference) {
        try {
            DirectPosition p = MGRS.createCoder().decode(reference.replace(" ", "")).getPosition().getDirectPosition();
            DirectPosition geographic = CRS.findOperation(p.getCoordinateReferenceSystem(), CommonCRS.WGS84.geographic(), null)
                    .getMathTransform().transform(p, null);
            return new LatLon(geographic.getOrdinate(0), geographic.getOrdinate(1));
        } catch (TransformException | FactoryException | RuntimeException e) {
            throw new BadInputException("Not a valid MGRS reference \"" + CoordinateParser.abbreviate(reference) + "\": "
                    + firstLine(e));
        }
    }

    /** UTM as zone + latitude band, easting and northing in whole metres: {@code 36T 470677 5164720}. */
    public static String toUtm(LatLon position) {
        if (position.lat() < -80 || position.lat() > 84) {
            return "";
        }
        try {
            ProjectedCRS utm = CommonCRS.WGS84.universal(position.lat(), position.lon());
            MathTransform toUtm = CRS.findOperation(CommonCRS.WGS84.geographic(), utm, null).getMathTransform();
            DirectPosition p = toUtm.transform(new DirectPosition2D(position.lat(), position.lon()), null);
            int zone = utmZone(utm);
            return String.format(Locale.ROOT, "%d%c %d %d", zone, latitudeBand(position.lat()),
                    Math.round(p.getOrdinate(0)), Math.round(p.getOrdinate(1)));
        } catch (TransformException | FactoryException | RuntimeException e) {
            return "";
        }
    }

    public static LatLon fromUtm(int zone, char band, double easting, double northing) {
        if (zone < 1 || zone > 60) {
            throw new BadInputException("UTM zone " + zone + " is out of range (1..60)");
        }
        int bandIndex = LATITUDE_BANDS.indexOf(Character.toUpperCase(band));
        if (bandIndex < 0) {
            throw new BadInputException("UTM latitude band '" + band + "' is not one of " + LATITUDE_BANDS);
        }
        if (easting < 100_000 || easting > 900_000 || northing < 0 || northing > 10_000_000) {
            throw new BadInputException("UTM easting " + easting + " / northing " + northing + " is out of range");
        }
        boolean north = bandIndex >= LATITUDE_BANDS.indexOf('N');
        double centralLon = -183 + 6 * zone;
        try {
            ProjectedCRS utm = CommonCRS.WGS84.universal(north ? 1 : -1, centralLon);
            MathTransform toGeographic = CRS.findOperation(utm, CommonCRS.WGS84.geographic(), null).getMathTransform();
            DirectPosition p = toGeographic.transform(new DirectPosition2D(easting, northing), null);
            LatLon result = new LatLon(p.getOrdinate(0), Math.max(-180, Math.min(180, p.getOrdinate(1))));
            double bandSouth = -80 + 8 * bandIndex;
            if (result.lat() < bandSouth - 1 || result.lat() > bandSouth + (band == 'X' ? 12 : 8) + 1) {
                throw new BadInputException("UTM northing " + northing + " does not fall in latitude band " + band);
            }
            return result;
        } catch (TransformException | FactoryException e) {
            throw new BadInputException("Cannot convert UTM " + zone + band + " " + easting + " " + northing + ": " + firstLine(e));
        }
    }

    private static int utmZone(ProjectedCRS utm) {
        String name = utm.getName().getCode();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("zone (\\d+)").matcher(name);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected UTM CRS name " + name);
        }
        return Integer.parseInt(m.group(1));
    }

    static char latitudeBand(double lat) {
        int index = (int) Math.floor((lat + 80) / 8);
        return LATITUDE_BANDS.charAt(Math.max(0, Math.min(LATITUDE_BANDS.length() - 1, index)));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
