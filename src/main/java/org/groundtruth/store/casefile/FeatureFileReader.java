package org.groundtruth.store.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.casefile.ImportedFeature;
import org.groundtruth.core.geo.LatLon;

/**
 * Reads points from KML/KMZ (placemarks in any folder, ExtendedData), GeoJSON, GPX waypoints, CSV (latitude and
 * longitude columns detected by name or given) and GeoPackage point layers. Everything is read before anything is
 * imported, so a file that fails to parse changes nothing. XML is parsed without DTDs (see {@link SecureXml}).
 */
public final class FeatureFileReader {
    /** Interchange files are small; a larger one is refused rather than parsed into memory. */
    public static final long MAX_FILE_BYTES = 512L << 20;
    public static final int MAX_FEATURES = 1_000_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y", "lat_dd", "широта");
    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x", "lon_dd", "довгота");

    private final Optional<String> latColumn;
    private final Optional<String> lonColumn;
    private final List<ImportedFeature> features = new ArrayList<>();
    private int skipped;
    private String skipReason = "";

    private FeatureFileReader(Optional<String> latColumn, Optional<String> lonColumn) {
        this.latColumn = latColumn;
        this.lonColumn = lonColumn;
    }

    public static FeatureFile read(Path file, Optional<String> latColumn, Optional<String> lonColumn) {
        FeatureFileReader reader = new FeatureFileReader(latColumn, lonColumn);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BadInputException(file + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            if (name.endsWith(".kml")) {
                format = "KML";
                try (InputStream in = Files.newInputStream(file)) {
                    reader.kml(in);
                }
            } else if (name.endsWith(".kmz")) {
                format = "KMZ";
                reader.kmz(file);
            } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
                format = "GeoJSON";
                reader.geoJson(file);
            } else if (name.endsWith(".gpx")) {
                format = "GPX";
                try (InputStream in = Files.newInputStream(file)) {
                    reader.gpx(in);
                }
            } else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
                format = "CSV";
                reader.csv(file, name.endsWith(".tsv"));
            } else if (name.endsWith(".gpkg")) {
                format = "GeoPackage";
                reader.features.addAll(GeoPackagePoints.read(file, reader::skip));
            } else {
                throw new BadInputException(file + ": unknown feature file type (KML, KMZ, GeoJSON, GPX, CSV, GPKG)");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file);
        } catch (XMLStreamException e) {
            throw new BadInputException(file + " is not well-formed XML or declares a DTD (refused): "
                    + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new BadInputException(file + " cannot be read: " + firstLine(e.getMessage()));
        }
        return new FeatureFile(format, reader.features, reader.skipped, reader.skipReason);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private void add(double lat, double lon, Map<String, String> properties) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            skip("coordinates outside WGS84 range");
            return;
        }
        if (features.size() >= MAX_FEATURES) {
            throw new BadInputException("more than " + MAX_FEATURES + " features");
        }
        features.add(new ImportedFeature(new LatLon(lat, lon), properties));
    }

    private void skip(String why) {
        skipped++;
        if (skipReason.isEmpty()) {
            skipReason = why;
        }
    }

    // GeoJSON: Feature, FeatureCollection or a bare Point; tags lists become "a; b".
    private void geoJson(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(file + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null) {
            throw new BadInputException(file + " is empty");
        }
        String type = root.path("type").asText();
        if (type.equals("FeatureCollection")) {
            for (JsonNode feature : root.path("features")) {
                geoJsonFeature(feature);
            }
        } else if (type.equals("Feature")) {
            geoJsonFeature(root);
        } else if (List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                "GeometryCollection").contains(type)) {
            geoJsonPoint(root, new LinkedHashMap<>());
        } else {
            throw new BadInputException(file + " is not GeoJSON (type '" + type + "')");
        }
    }

    private void geoJsonFeature(JsonNode feature) {
        Map<String, String> props = new LinkedHashMap<>();
        if (feature.hasNonNull("id")) {
            props.put("id", feature.get("id").asText());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = feature.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                props.put(f.getKey(), String.join("; ", items));
            } else {
                props.put(f.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        geoJsonPoint(feature.path("geometry"), props);
    }

    private void geoJsonPoint(JsonNode geometry, Map<String, String> props) {
        if (!geometry.path("type").asText().equals("Point")) {
            skip(geometry.isMissingNode() || geometry.isNull() ? "feature without a geometry"
                    : geometry.path("type").asText() + " geometry (only points become pins)");
            return;
        }
        JsonNode c = geometry.path("coordinates");
        if (c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            skip("point without two numeric coordinates");
            return;
        }
        add(c.get(1).asDouble(), c.get(0).asDouble(), props);
    }

    // KML: every Placemark with a Point (also inside MultiGeometry), its name, description, TimeStamp, ExtendedData.
    private void kml(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SecureXml.reader(in);
        Map<String, String> props = null;
        String dataName = null;
        String coordinates = null;
        boolean point = false;
        List<String> folders = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                switch (local) {
                    case "Placemark" -> {
                        props = new LinkedHashMap<>();
                        coordinates = null;
                        point = false;
                        if (!folders.isEmpty() && !folders.get(folders.size() - 1).isEmpty()) {
                            props.put("folder", folders.get(folders.size() - 1));
                        }
                        String id = xml.getAttributeValue(null, "id");
                        if (id != null) {
                            props.put("kml_id", id);
                        }
                    }
                    case "Folder" -> folders.add("");
                    case "name" -> {
                        String text = xml.getElementText().strip();
                        if (props != null) {
                            props.putIfAbsent("name", text);
                        } else if (!folders.isEmpty()) {
                            folders.set(folders.size() - 1, text);
                        }
                    }
                    case "description" -> {
                        if (props != null) {
                            props.putIfAbsent("description", xml.getElementText().strip());
                        }
                    }
                    case "when" -> {
                        if (props != null) {
                            props.putIfAbsent("when", xml.getElementText().strip());
                        }
                    }
                    case "Data", "SimpleData" -> dataName = xml.getAttributeValue(null, "name");
                    case "value" -> {
                        if (props != null && dataName != null) {
                            props.put(dataName, xml.getElementText().strip());
                        }
                    }
                    case "Point" -> point = true;
                    case "coordinates" -> {
                        String text = xml.getElementText().strip();
                        if (point && coordinates == null) {
                            coordinates = text;
                        }
                    }
                    default -> {
                        // other elements carry nothing we map
                    }
                }
                if (local.equals("SimpleData") && props != null && dataName != null) {
                    props.put(dataName, xml.getElementText().strip());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String local = xml.getLocalName();
                if (local.equals("Point")) {
                    point = false;
                } else if (local.equals("Folder") && !folders.isEmpty()) {
                    folders.remove(folders.size() - 1);
                } else if (local.equals("Placemark") && props != null) {
                    placemark(props, coordinates);
                    props = null;
                }
            }
        }
        xml.close();
    }

    private void placemark(Map<String, String> props, String coordinates) {
        if (coordinates == null) {
            skip("placemark without a point");
            return;
        }
        String[] parts = coordinates.split("\\s+")[0].split(",");
        try {
            add(Double.parseDouble(parts[1]), Double.parseDouble(parts[0]), props);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            skip("point coordinates that are not 'lon,lat'");
        }
    }

    private void kmz(Path file) throws IOException, XMLStreamException {
        // A KMZ is a ZIP from a stranger: bounded, names checked. Every .kml inside is read: LIBKML writes a
        // doc.kml that only links to the layers in layers/*.kml.
        ZipLimits limits = new ZipLimits(10_000, MAX_FILE_BYTES, 200, 16 << 20, 1 << 20);
        boolean[] found = {false};
        XMLStreamException[] failure = {null};
        try (InputStream in = Files.newInputStream(file); BoundedZipReader zip = new BoundedZipReader(in, limits)) {
            zip.forEach((name, content) -> {
                if (failure[0] == null && name.toLowerCase(Locale.ROOT).endsWith(".kml")) {
                    found[0] = true;
                    try {
                        kml(content);
                    } catch (XMLStreamException e) {
                        failure[0] = e;
                    }
                }
            }, (name, why) -> {
                throw new BadInputException(file + ": refused entry " + name + ": " + why);
            });
        } catch (ZipBoundsException e) {
            throw new BadInputException(file + ": refused: " + e.getMessage());
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!found[0]) {
            throw new BadInputException(file + " holds no .kml document");
        }
    }

    // GPX: waypoints (wpt) with name, desc, time; tracks and routes are paths, not incidents.
    private void gpx(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SecureXml.reader(in);
        Map<String, String> props = null;
        double lat = Double.NaN;
        double lon = Double.NaN;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                if (local.equals("wpt")) {
                    props = new LinkedHashMap<>();
                    lat = parse(xml.getAttributeValue(null, "lat"));
                    lon = parse(xml.getAttributeValue(null, "lon"));
                } else if (props != null && (local.equals("name") || local.equals("desc") || local.equals("time")
                        || local.equals("cmt") || local.equals("type"))) {
                    props.put(local.equals("desc") ? "description" : local, xml.getElementText().strip());
                } else if (props != null && xml.getNamespaceURI() != null && !xml.getNamespaceURI().contains("topografix")) {
                    // GDAL writes attribute columns as extension elements in its own namespace.
                    String text = xml.getElementText().strip();
                    props.putIfAbsent(local, text);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("wpt") && props != null) {
                add(lat, lon, props);
                props = null;
            }
        }
        xml.close();
    }

    private static double parse(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void csv(Path file, boolean tabs) throws IOException {
        CSVFormat format = (tabs ? CSVFormat.TDF : CSVFormat.RFC4180).builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).build();
        try (InputStream in = Files.newInputStream(file);
                Reader text = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
                CSVParser parser = format.parse(text)) {
            List<String> header = parser.getHeaderNames();
            String lat = column(header, latColumn, LAT_NAMES, "latitude", file);
            String lon = column(header, lonColumn, LON_NAMES, "longitude", file);
            for (CSVRecord record : parser) {
                Map<String, String> props = new LinkedHashMap<>();
                for (String name : header) {
                    if (record.isSet(name) && !name.equals(lat) && !name.equals(lon)) {
                        props.put(name, record.get(name));
                    }
                }
                add(parse(record.isSet(lat) ? record.get(lat) : null), parse(record.isSet(lon) ? record.get(lon) : null),
                        props);
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(file + " is not valid CSV: " + firstLine(e.getMessage()));
        }
    }

    private static String column(List<String> header, Optional<String> given, List<String> names, String what, Path file) {
        if (given.isPresent()) {
            return header.stream().filter(h -> h.strip().equalsIgnoreCase(given.get().strip())).findFirst()
                    .orElseThrow(() -> new BadInputException(file + " has no column '" + given.get() + "' (columns: "
                            + String.join(", ", header) + ")"));
        }
        for (String name : names) {
            for (String h : header) {
                if (h.strip().equalsIgnoreCase(name)) {
                    return h;
                }
            }
        }
        throw new BadInputException(file + ": no " + what + " column found among " + String.join(", ", header)
                + "; name it with --lat COL --lon COL");
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = pushback.readNBytes(head, 0, 3);
        if (!(n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF)) {
            pushback.unread(head, 0, n);
        }
        return pushback;
    }
}
