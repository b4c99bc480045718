package org.groundtruth.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.groundtruth.cli.Cli;
import org.groundtruth.cli.CliRun;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite (issue 12, "inputs that must be refused or neutralised" and "messages"): each test
 * generates the file or the command line an attacker would use and checks the one-line error (or the
 * neutralised value), and that nothing was changed.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("ws").toString();
    }

    @BeforeEach
    void initWorkspace() {
        assertThat(CliRun.of("--workspace", ws(), "init").exitCode()).isZero();
    }

    private CliRun gt(String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", ws(), "--analyst", "Hostile"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static void assertOneLineError(CliRun run, int exit, String... mentions) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exit);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("groundtruth: ").contains(mentions);
    }

    private long incidents() {
        CliRun list = gt("incident", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        return list.json().size();
    }

    private Path file(String name, byte[] content) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, content);
        return f;
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    // --- dates -------------------------------------------------------------------------------------------------

    @Test
    void datesOutsideTheAcceptedRangeAreRefusedOnTheCommandLineNamingTheOption() {
        assertThat(gt("init").exitCode()).isZero();
        assertOneLineError(gt("incident", "add", "--title", "t", "--occurred-at", "1899-12-31T23:59:59Z"),
                Cli.BAD_INPUT, "--occurred-at", "1900-01-01");
        assertOneLineError(gt("incident", "add", "--title", "t", "--occurred-at", "2101-01-01"), Cli.BAD_INPUT,
                "--occurred-at");
        assertOneLineError(gt("incident", "add", "--title", "t", "--occurred-at", "+10000-01-01T00:00:00Z"),
                Cli.BAD_INPUT, "--occurred-at");
        assertOneLineError(gt("incident", "list", "--from", "0001-01-01"), Cli.BAD_INPUT, "--from");
        assertOneLineError(gt("stats", "--by", "month", "--to", "2200-01-01"), Cli.BAD_INPUT, "--to");
        assertOneLineError(gt("sun", "--at", "46.6354, 32.6169", "--time", "1066-10-14T09:00:00Z"), Cli.BAD_INPUT,
                "--time");
        assertThat(incidents()).isZero();
    }

    @Test
    void theExtremeAcceptedDatesAreStoredAndNoLaterCommandFailsBecauseOfThem() {
        assertThat(gt("incident", "add", "--title", "first", "--occurred-at", "1900-01-01T00:00:00Z", "--lat", "46.6",
                "--lon", "32.6").exitCode()).isZero();
        assertThat(gt("incident", "add", "--title", "last", "--occurred-at", "2100-12-31T23:59:59Z", "--lat", "46.6",
                "--lon", "32.6").exitCode()).isZero();
        for (String[] command : List.of(new String[] {"incident", "list", "--json"},
                new String[] {"stats", "--by", "month", "--json"}, new String[] {"stats", "--by", "target-type"},
                new String[] {"double-taps", "--json"}, new String[] {"audit", "verify"},
                new String[] {"incident", "list", "--from", "1900-01-01", "--to", "2100-12-31T23:59:59Z"})) {
            CliRun run = gt(command);
            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isZero();
        }
        CliRun export = gt("export", "--out", tmp.resolve("case.zip").toString(), "--no-media");
        assertThat(export.exitCode()).as(export.err()).isZero();
    }

    @Test
    void aFeatureFileWithADateOutsideTheRangeIsRefusedNamingTheFieldAndImportsNothing() throws IOException {
        Path geojson = file("old.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[32.6,46.6]},"properties":{"name":"ok","occurred_at":"2025-07-01"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[32.7,46.7]},"properties":{"name":"bad","occurred_at":"1812-09-07"}}]}
                """);
        assertThat(gt("init").exitCode()).isZero();
        assertOneLineError(gt("import-features", geojson.toString()), Cli.BAD_INPUT, "old.geojson", "feature 2",
                "occurred_at");
        assertThat(incidents()).isZero();
    }

    // --- CSV export ----------------------------------------------------------------------------------------------

    @Test
    void csvExportNeutralisesFormulaCellsAndKeepsNumbersNumbers() throws IOException {
        String[] titles = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-3", "@SUM(A1)"};
        for (String title : titles) {
            CliRun add = gt("incident", "add", "--title", title, "--lat", "-33.8688", "--lon", "-151.2093",
                    "--place", "=cmd|' /C calc'!A0", "--description", "\tstarts with a tab");
            assertThat(add.exitCode()).as(add.err()).isZero();
        }
        Path zip = tmp.resolve("case.zip");
        CliRun export = gt("export", "--out", zip.toString(), "--no-media");
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<CSVRecord> rows;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader(entry(zip, "incidents.csv")))) {
            rows = csv.getRecords();
        }
        assertThat(rows).hasSize(titles.length);
        for (CSVRecord row : rows) {
            assertThat(row.get("title")).startsWith("'");
            assertThat(row.get("title").substring(1)).isIn((Object[]) titles);
            assertThat(row.get("place_name")).startsWith("'=cmd");
            assertThat(row.get("description")).isEqualTo("'\tstarts with a tab");
            assertThat(row.get("lat")).isEqualTo("-33.8688");
            assertThat(row.get("lon")).isEqualTo("-151.2093");
        }
        // importing the exported CSV back gives the original text, not the apostrophe
        Path csv = file("back.csv", entry(zip, "incidents.csv"));
        String other = tmp.resolve("other").toString();
        CliRun back = CliRun.of("--workspace", other, "import-features", csv.toString(), "--dry-run", "--json");
        assertThat(back.exitCode()).as(back.err()).isZero();
        List<String> imported = new ArrayList<>();
        back.json().get("preview").forEach(p -> imported.add(p.get("title").asText()));
        assertThat(imported).contains("+1+2", "-3", "@SUM(A1)");
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in " + zip);
    }

    // --- picocli @file -------------------------------------------------------------------------------------------

    @Test
    void anAtSignArgumentIsTextNotAFileToExpand() throws IOException {
        Path secret = file("secret.txt", "--description\nstolen contents of a file\n");
        CliRun add = gt("incident", "add", "--title", "@" + secret, "--json");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.json().get("title").asText()).isEqualTo("@" + secret);
        assertThat(add.json().get("description").asText()).isEmpty();
        CliRun named = gt("incident", "add", "--title", "@name", "--json");
        assertThat(named.json().get("title").asText()).isEqualTo("@name");
    }

    // --- tags ----------------------------------------------------------------------------------------------------

    @Test
    void tagsAreLimitedToOneHundredOfOneHundredCharacters() {
        assertThat(gt("init").exitCode()).isZero();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("tag" + i);
        }
        assertOneLineError(gt("incident", "add", "--title", "t", "--tags", String.join(",", many)), Cli.BAD_INPUT,
                "100 tags");
        assertOneLineError(gt("incident", "add", "--title", "t", "--tags", "x".repeat(101)), Cli.BAD_INPUT,
                "longer than 100");
        assertThat(incidents()).isZero();
        CliRun hundred = gt("incident", "add", "--title", "t", "--tags", String.join(",", many.subList(0, 100)),
                "--json");
        assertThat(hundred.exitCode()).as(hundred.err()).isZero();
        assertThat(hundred.json().get("tags")).hasSize(100);
    }

    // --- control characters --------------------------------------------------------------------------------------

    @Test
    void controlCharactersExceptTabAndNewlineAreRemovedFromText() {
        CliRun add = gt("incident", "add", "--title", "Fire\u0000 engine\u001b[2J\r hit\u007f\u0085", "--description",
                "line one\nline\ttwo\u0007", "--place", "Kher\u0008son", "--json");
        assertThat(add.exitCode()).as(add.err()).isZero();
        JsonNode shown = gt("incident", "show", add.json().get("id").asText(), "--json").json();
        assertThat(shown.toString()).doesNotContain("\\u0000", "\\u001B", "\\r", "\\u0007", "\\u0008");
        assertThat(add.json().get("title").asText()).isEqualTo("Fire engine[2J hit");
        assertThat(add.json().get("description").asText()).isEqualTo("line one\nline\ttwo");
        assertThat(add.json().get("placeName").asText()).isEqualTo("Kherson");
    }

    // --- invalid UTF-8 -------------------------------------------------------------------------------------------

    @Test
    void invalidUtf8InAFeatureFileIsAnErrorNamingTheFile() throws IOException {
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        assertThat(gt("init").exitCode()).isZero();
        for (String[] kind : List.of(new String[] {"bad.csv", "lat,lon,name\n46.6,32.6,", "\n"},
                new String[] {"bad.geojson", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[32.6,46.6]},\"properties\":{\"name\":\"", "\"}}"},
                new String[] {"bad.gpx", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><gpx version=\"1.1\" "
                        + "xmlns=\"http://www.topografix.com/GPX/1/1\"><wpt lat=\"46.6\" lon=\"32.6\"><name>",
                        "</name></wpt></gpx>"},
                new String[] {"bad.kml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns="
                        + "\"http://www.opengis.net/kml/2.2\"><Placemark><name>", "</name><Point><coordinates>32.6,46.6"
                        + "</coordinates></Point></Placemark></kml>"})) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.writeBytes(kind[1].getBytes(StandardCharsets.UTF_8));
            content.writeBytes(bad);
            content.writeBytes(kind[2].getBytes(StandardCharsets.UTF_8));
            Path f = file(kind[0], content.toByteArray());
            assertOneLineError(gt("import-features", f.toString()), Cli.BAD_INPUT, kind[0], "UTF-8");
            assertOneLineError(gt("import-features", f.toString(), "--dry-run"), Cli.BAD_INPUT, kind[0], "UTF-8");
        }
        assertThat(incidents()).isZero();
    }

    // --- KML/GPX -------------------------------------------------------------------------------------------------

    @Test
    void kmlAndGpxWithAnyDoctypeAreRefused() throws IOException {
        Path kml = file("doctype.kml", "<?xml version=\"1.0\"?>\n<!DOCTYPE kml>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                + "<Placemark><name>x</name><Point><coordinates>32.6,46.6</coordinates></Point></Placemark></kml>");
        Path gpx = file("doctype.gpx", "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx SYSTEM \"gpx.dtd\">\n<gpx version=\"1.1\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><wpt lat=\"46.6\" lon=\"32.6\"><name>x</name></wpt></gpx>");
        assertThat(gt("init").exitCode()).isZero();
        assertOneLineError(gt("import-features", kml.toString()), Cli.BAD_INPUT, "doctype.kml", "DOCTYPE");
        assertOneLineError(gt("import-features", gpx.toString()), Cli.BAD_INPUT, "doctype.gpx", "DOCTYPE");
        assertThat(incidents()).isZero();
    }

    @Test
    void aGpxTimeThatDoesNotParseIsAnErrorNamingTheLine() throws IOException {
        Path gpx = file("badtime.gpx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
                  <wpt lat="46.6" lon="32.6"><name>ok</name><time>2025-07-03T10:00:00Z</time></wpt>
                  <wpt lat="46.7" lon="32.7"><name>bad</name>
                    <time>yesterday at noon</time></wpt>
                </gpx>
                """);
        assertThat(gt("init").exitCode()).isZero();
        assertOneLineError(gt("import-features", gpx.toString()), Cli.BAD_INPUT, "badtime.gpx", "line 5",
                "yesterday at noon");
        assertThat(incidents()).isZero();
        Path good = file("goodtime.gpx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
                  <wpt lat="46.6" lon="32.6"><name>ok</name><time>2025-07-03T13:00:00+03:00</time></wpt>
                </gpx>
                """);
        CliRun run = gt("import-features", good.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("preview").get(0).get("occurredAt").asText()).isEqualTo("2025-07-03T10:00:00Z");
    }

    // --- import-features atomic ----------------------------------------------------------------------------------

    @Test
    void importFeaturesIsAllOrNothingWhenALaterFeatureIsBad() throws IOException {
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 50; i++) {
            geojson.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[32.").append(i)
                    .append(",46.5]},\"properties\":{\"name\":\"point ").append(i).append("\"}},");
        }
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            tags.append(i == 0 ? "" : ";").append("t").append(i);
        }
        geojson.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[33,47]},")
                .append("\"properties\":{\"name\":\"too many tags\",\"tags\":\"").append(tags).append("\"}}]}");
        Path f = file("half.geojson", geojson.toString());
        assertThat(gt("init").exitCode()).isZero();
        assertOneLineError(gt("import-features", f.toString()), Cli.BAD_INPUT, "half.geojson", "feature 51");
        assertThat(incidents()).isZero();
        CliRun audit = gt("audit", "verify", "--json");
        assertThat(audit.exitCode()).isZero();
    }

    @Test
    void importFeaturesIsAllOrNothingWhenTheFileBreaksOffPartWay() throws IOException {
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 200; i++) {
            geojson.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[32.5,46.")
                    .append(i).append("]},\"properties\":{\"name\":\"p").append(i).append("\"}},");
        }
        geojson.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Po"); // cut off mid-feature
        Path f = file("cut.geojson", geojson.toString());
        assertThat(gt("init").exitCode()).isZero();
        assertOneLineError(gt("import-features", f.toString()), Cli.BAD_INPUT, "cut.geojson");
        assertOneLineError(gt("import-features", f.toString(), "--dry-run", "--json"), Cli.BAD_INPUT, "cut.geojson");
        assertThat(incidents()).isZero();
        // the same points, whole, import in one go
        Path whole = file("whole.geojson", geojson.substring(0, geojson.length() - ",{\"type\":\"Feature\",\"geometry\":{\"type\":\"Po".length()) + "]}");
        CliRun ok = gt("import-features", whole.toString(), "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.json().get("incidentIds")).hasSize(200);
        assertThat(incidents()).isEqualTo(200);
        assertThat(gt("audit", "verify").exitCode()).isZero();
    }

    // --- messages ------------------------------------------------------------------------------------------------

    @Test
    void demoIntoAFullInvestigationIsAOneLineErrorOnStderr() {
        assertThat(gt("demo").exitCode()).isZero();
        CliRun again = gt("demo");
        assertOneLineError(again, Cli.BAD_INPUT, "already holds", ws());
        assertThat(again.out()).isEmpty();
    }

    @Test
    void everyParentCommandWithoutASubcommandListsItsSubcommands() {
        CliRun incident = gt("incident");
        assertThat(incident.exitCode()).isZero();
        assertThat(incident.out()).contains("add", "list", "show", "edit", "delete");
    }

    @Test
    void aValueEditedAroundTheProgramIsAOneLineErrorNamingTheRowNotAStackTrace() throws Exception {
        assertThat(gt("demo").exitCode()).isZero();
        String id = gt("incident", "list", "--json").json().get(0).get("id").asText();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(ws(), "investigation.db"));
                Statement st = c.createStatement()) {
            TestInvestigations.registerFunctions(c);
            st.executeUpdate("UPDATE incident SET occurred_at = 'garbage' WHERE id = '" + id + "'");
        }
        assertOneLineError(gt("stats", "--by", "month"), Cli.IO_FAILURE, "garbage", "audit verify");
        assertOneLineError(gt("incident", "list"), Cli.IO_FAILURE, id, "garbage");
        assertOneLineError(gt("incident", "show", id), Cli.IO_FAILURE, id);
    }

    @Test
    void aCutShortVideoIsExplainedWithoutLibraryInternals() throws IOException {
        Path video = Path.of("../shared/data/media/video/with-gps.mp4");
        byte[] head;
        try (InputStream in = Files.newInputStream(video)) {
            head = in.readNBytes(200_000);
        }
        Path cut = file("cut.mp4", head);
        Path text = file("text.mp4", "this is not a video at all\n");
        for (String[] command : List.of(new String[] {"frame", cut.toString(), "--frame", "3", "--out",
                tmp.resolve("f.png").toString()}, new String[] {"keyframes", cut.toString(), "--out",
                tmp.resolve("kf").toString()})) {
            CliRun run = CliRun.of(command);
            assertOneLineError(run, Cli.BAD_INPUT, "cut.mp4", "cut short");
            assertThat(run.err()).doesNotContain("avformat", "error -", "setFormat", "FFmpegLogCallback");
        }
        CliRun notVideo = CliRun.of("frame", text.toString(), "--frame", "1", "--out", tmp.resolve("g.png").toString());
        assertOneLineError(notVideo, Cli.BAD_INPUT, "text.mp4", "not a video file");
        assertThat(notVideo.err()).doesNotContain("avformat", "error -");
    }
}
