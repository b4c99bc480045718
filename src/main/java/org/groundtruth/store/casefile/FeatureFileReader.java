package org.groundtruth.store.casefile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.Consumer;
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
 * longitude columns detected by name or given) and GeoPackage point layers, streaming: each point is passed on as
 * it is read. The importer writes them in one transaction, so a file that fails to parse part-way changes nothing.
 * XML that declares a DOCTYPE is refused (see {@link SecureXml}); text must be valid UTF-8 (or the XML's
 * declared encoding): a bad byte is an error naming the file, never a silent U+FFFD.
 */
public final class FeatureFileReader {
    /** Interchange files are small; a larger one is refused rather than parsed into memory. */
    public static final long MAX_FILE_BYTES = 512L << 20;
    public static final int MAX_FEATURES = 1_000_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y", "lat_dd", "широта");
    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x", "lon_dd", "довгота");

    private final Path file;
    private final Optional<String> latColumn;
    private final Optional<String> lonColumn;
    private final Consumer<ImportedFeature> sink;
    private int count;
    private int skipped;
    private String skipReason = "";
    /** The document being parsed (the file, or the entry of a KMZ), for messages. */
    private String document;

    private FeatureFileReader(Path file, Optional<String> latColumn, Optional<String> lonColumn,
            Consumer<ImportedFeature> sink) {
        this.file = file;
        this.document = file.toString();
        this.latColumn = latColumn;
        this.lonColumn = lonColumn;
        this.sink = sink;
    }

    /** What a streamed file held: its format, how many points were passed on, how many features were skipped and why. */
    public record Summary(String format, int features, int skipped, String skipReason) {
    }

    /** Reads the whole file into memory (the window's preview table). */
    public static FeatureFile read(Path file, Optional<String> latColumn, Optional<String> lonColumn) {
        List<ImportedFeature> features = new ArrayList<>();
        Summary summary = stream(file, latColumn, lonColumn, features::add);
        return new FeatureFile(summary.format(), features, summary.skipped(), summary.skipReason());
    }

    /** The format the file's name says it is: KML, KMZ, GeoJSON, GPX, CSV or GeoPackage. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".kml")) {
            return "KML";
        } else if (name.endsWith(".kmz")) {
            return "KMZ";
        } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return "GeoJSON";
        } else if (name.endsWith(".gpx")) {
            return "GPX";
        } else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return "CSV";
        } else if (name.endsWith(".gpkg")) {
            return "GeoPackage";
        }
        throw new BadInputException(file + ": unknown feature file type (KML, KMZ, GeoJSON, GPX, CSV, GPKG)");
    }

    /**
     * Parses the file and passes each point to {@code sink} as it is read, holding no more than one feature in
     * memory (GeoJSON is read with a streaming parser, XML with StAX, CSV record by record). If parsing fails
     * part-way, the points already passed on must be discarded by the caller (the importer runs in one
     * transaction).
     */
    public static Summary stream(Path file, Optional<String> latColumn, Optional<String> lonColumn,
            Consumer<ImportedFeature> sink) {
        FeatureFileReader reader = new FeatureFileReader(file, latColumn, lonColumn, sink);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = formatOf(file);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BadInputException(file + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            if (name.endsWith(".kml")) {
                try (InputStream in = Files.newInputStream(file)) {
                    reader.kml(in);
                }
            } else if (name.endsWith(".kmz")) {
                reader.kmz(file);
            } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
                reader.geoJson(file);
            } else if (name.endsWith(".gpx")) {
                try (InputStream in = Files.newInputStream(file)) {
                    reader.gpx(in);
                }
            } else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
                reader.csv(file, name.endsWith(".tsv"));
            } else if (name.endsWith(".gpkg")) {
                GeoPackagePoints.read(file, reader::skip).forEach(reader::accept);
            } else {
                throw new BadInputException(file + ": unknown feature file type (KML, KMZ, GeoJSON, GPX, CSV, GPKG)");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file);
        } catch (XMLStreamException e) {
            throw new BadInputException(reader.document + xmlProblem(e));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(file + " is not valid UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + " cannot be read: " + firstLine(e.getMessage()));
        }
        return new Summary(format, reader.count, reader.skipped, reader.skipReason);
    }

    private static String xmlProblem(XMLStreamException e) {
        String full = e.getMessage() == null ? "" : e.getMessage();
        String where = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? ""
                : " (line " + e.getLocation().getLineNumber() + ")";
        int detail = full.indexOf("Message: ");
        String text = firstLine(detail >= 0 ? full.substring(detail + "Message: ".length()) : full);
        if (text.contains("UTF-8") || text.contains("byte") && text.contains("sequence")) {
            return " is not valid UTF-8 text" + where;
        }
        return " is not well-formed XML" + where + ": " + text;
    }

    private void accept(ImportedFeature feature) {
        if (count >= MAX_FEATURES) {
            throw new BadInputException(file + " has more than " + MAX_FEATURES + " features");
        }
        count++;
        sink.accept(feature);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private void add(double lat, double lon, Map<String, String> properties) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            skip("coordinates outside WGS84 range");
            return;
        }
        accept(new ImportedFeature(new LatLon(lat, lon), properties));
    }

    private void skip(String why) {
        skipped++;
        if (skipReason.isEmpty()) {
            skipReason = why;
        }
    }

    // GeoJSON: Feature, FeatureCollection or a bare Point; tags lists become "a; b". A FeatureCollection's
    // features are parsed one at a time from a streaming parser, so a large file never sits in memory as a tree.
    private void geoJson(Path file) throws IOException {
        try (JsonParser json = MAPPER.getFactory().createParser(file.toFile())) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new BadInputException(file + " is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException(file + " is not GeoJSON (not a JSON object)");
            }
            ObjectNode rest = MAPPER.createObjectNode();
            boolean streamed = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode feature = MAPPER.readTree(json);
                        geoJsonFeature(feature);
                    }
                    streamed = true;
                } else {
                    rest.set(field, MAPPER.readTree(json));
                }
            }
            String type = rest.path("type").asText();
            if (type.equals("FeatureCollection")) {
                return;
            } else if (streamed) {
                throw new BadInputException(file + " is not GeoJSON (a 'features' list in a '" + type + "')");
            } else if (type.equals("Feature")) {
                geoJsonFeature(rest);
            } else if (List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                    "GeometryCollection").contains(type)) {
                geoJsonPoint(rest, new LinkedHashMap<>());
            } else {
                throw new BadInputException(file + " is not GeoJSON (type '" + type + "')");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            String message = firstLine(e.getOriginalMessage());
            throw new BadInputException(file + (message.contains("UTF-8") ? " is not valid UTF-8 text" + where
                    : " is not valid JSON" + where + ": " + message));
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
        SecureXml.refuseDoctype(xml, document);
        Map<String, String> props = null;
        String dataName = null;
        String coordinates = null;
        boolean point = false;
        List<String> folders = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            SecureXml.refuseDoctype(xml, document);
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
                    document = file + "!" + name;
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
        document = file.toString();
        if (!found[0]) {
            throw new BadInputException(file + " holds no .kml document");
        }
    }

    // GPX: waypoints (wpt) with name, desc, time; tracks and routes are paths, not incidents.
    private void gpx(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SecureXml.reader(in);
        SecureXml.refuseDoctype(xml, document);
        Map<String, String> props = null;
        double lat = Double.NaN;
        double lon = Double.NaN;
        while (xml.hasNext()) {
            int event = xml.next();
            SecureXml.refuseDoctype(xml, document);
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                if (local.equals("wpt")) {
                    props = new LinkedHashMap<>();
                    lat = parse(xml.getAttributeValue(null, "lat"));
                    lon = parse(xml.getAttributeValue(null, "lon"));
                } else if (props != null && local.equals("time")) {
                    int line = xml.getLocation().getLineNumber();
                    String text = xml.getElementText().strip();
                    props.put("time", GpxTime.check(text, document, line));
                } else if (props != null && (local.equals("name") || local.equals("desc")
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
                Reader text = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
                CSVParser parser = format.parse(text)) {
            List<String> header = parser.getHeaderNames();
            String lat = column(header, latColumn, LAT_NAMES, "latitude", file);
            String lon = column(header, lonColumn, LON_NAMES, "longitude", file);
            for (CSVRecord record : parser) {
                Map<String, String> props = new LinkedHashMap<>();
                for (String name : header) {
                    if (record.isSet(name) && !name.equals(lat) && !name.equals(lon)) {
                        props.put(name, SpreadsheetSafe.unescape(record.get(name)));
                    }
                }
                add(parse(record.isSet(lat) ? record.get(lat) : null), parse(record.isSet(lon) ? record.get(lon) : null),
                        props);
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new BadInputException(file + " is not valid UTF-8 text");
            }
            throw new BadInputException(file + " is not valid CSV: " + firstLine(e.getMessage()));
        } catch (IllegalStateException e) {
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
