package org.groundtruth.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.groundtruth.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinateParserTest {

    /** The forms from issue 3, all naming the same fire station in Kherson (or Sydney for the southern case). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "46.6354, 32.6169                                         | 46.6354  | 32.6169  | 0.000001",
            "46.6354N 32.6169E                                        | 46.6354  | 32.6169  | 0.000001",
            "33.8688S 151.2093E                                       | -33.8688 | 151.2093 | 0.000001",
            "-33.8688 151.2093                                        | -33.8688 | 151.2093 | 0.000001",
            "32.6169E 46.6354N                                        | 46.6354  | 32.6169  | 0.000001",
            "N46.6354 E32.6169                                        | 46.6354  | 32.6169  | 0.000001",
            "46°38'07.4\"N 32°37'00.8\"E                              | 46.6354  | 32.6169  | 0.00003",
            "46° 38′ 07.4″ N, 32° 37′ 00.8″ E                         | 46.6354  | 32.6169  | 0.00003",
            "46 38 07.4 N 32 37 00.8 E                                | 46.6354  | 32.6169  | 0.00003",
            "46°38.123'N 32°37.014'E                                  | 46.635383| 32.6169  | 0.00001",
            "36TVS7067764720                                          | 46.6354  | 32.6169  | 0.00002",
            "36T VS 70677 64720                                       | 46.6354  | 32.6169  | 0.00002",
            "36tvs7067764720                                          | 46.6354  | 32.6169  | 0.00002",
            "36T 470677 5164720                                       | 46.6354  | 32.6169  | 0.00002",
            "36T 470677mE 5164720mN                                   | 46.6354  | 32.6169  | 0.00002",
            "https://www.google.com/maps/@46.6354,32.6169,15z         | 46.6354  | 32.6169  | 0.000001",
            "https://www.google.com/maps/place/X/@46.6354,32.6169,17z/data=!3m1 | 46.6354 | 32.6169 | 0.000001",
            "https://maps.google.com/?q=46.6354,32.6169               | 46.6354  | 32.6169  | 0.000001",
            "https://www.google.com/maps/search/?api=1&query=46.6354%2C32.6169 | 46.6354 | 32.6169 | 0.000001",
            "https://www.openstreetmap.org/#map=15/46.6354/32.6169    | 46.6354  | 32.6169  | 0.000001",
            "https://www.openstreetmap.org/?mlat=46.6354&mlon=32.6169#map=15/46.6/32.6 | 46.6354 | 32.6169 | 0.000001",
            "geo:46.6354,32.6169                                      | 46.6354  | 32.6169  | 0.000001",
            "geo:46.6354,32.6169;u=35                                 | 46.6354  | 32.6169  | 0.000001",
    })
    void readsEveryFormInTheIssue(String text, double lat, double lon, double tolerance) {
        LatLon parsed = CoordinateParser.parse(text);
        assertThat(parsed.lat()).isCloseTo(lat, within(tolerance));
        assertThat(parsed.lon()).isCloseTo(lon, within(tolerance));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                         | No coordinates",
            "hello world                | Cannot read coordinates from \"hello world\"",
            "95, 10                     | Latitude 95.0 is out of range",
            "151.2093, -33.8688         | if this is longitude, latitude order",
            "46.6N 32.6N                | are latitudes (N/S)",
            "46.6E 32.6W                | are longitudes (E/W)",
            "46°61'N 32°10'E            | below 60",
            "-46.6S 32.6E               | both a sign and a hemisphere",
            "46.6, 190                  | Longitude 190.0 is out of range",
            "36TVS70677                 | Not a valid MGRS reference \"36TVS70677\"",
            "61T 470677 5164720         | UTM zone 61 is out of range",
            "36T 470677 1164720         | does not fall in latitude band T",
            "https://example.org/maps   | holds no coordinates",
    })
    void explainsWhatIsWrong(String text, String expectedMessagePart) {
        assertThatThrownBy(() -> CoordinateParser.parse(text))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(expectedMessagePart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Issue 12: one number was split by position (46.6354 → 46.6, 354 …) into a pair that was never written. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "46.6354", "50", "50.45", "-33.8688", "46.6354N", "E32.6169", "46°38'07.4\"N", "46,6354", "  50.45  ", "151.2093°",
    })
    void oneNumberIsNotAPosition(String text) {
        assertThatThrownBy(() -> CoordinateParser.parse(text))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("one number is not a position; give latitude and longitude")
                .hasMessageContaining("accepted forms")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Texts with more than one reading: never a guess, an error naming the readings and the accepted forms. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "50,45                 | latitude 50.000000, longitude 45.000000",
            "46,5 32               | the comma read as a decimal point",
            "46 32                 | the single coordinate 46.533333",
            "46 38 07              | is ambiguous",
            "46 38 32 37           | is ambiguous",
            "46 38 07 32 37        | is ambiguous",
    })
    void ambiguousFormsAreErrors(String text, String expectedMessagePart) {
        assertThatThrownBy(() -> CoordinateParser.parse(text))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is ambiguous")
                .hasMessageContaining(expectedMessagePart.replace("the comma", "comma"))
                .hasMessageContaining("accepted forms");
    }

    /** A run of digits is never cut into two numbers at a position the text does not mark. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "466354 326169", "46.635432.6169", "4638 3237", "46 3807 32 3700", "46°3807\"N 32°3700\"E",
            "46,6354,32,6169", "36T VS 7067 764720",
    })
    void digitRunsAreNotSplitByPosition(String text) {
        assertThatThrownBy(() -> CoordinateParser.parse(text))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Forms that have exactly one reading still work, including decimal commas where nothing else is possible. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "46.6354,32.6169          | 46.6354  | 32.6169",
            "46,6354 32,6169          | 46.6354  | 32.6169",
            "46,6354; 32,6169         | 46.6354  | 32.6169",
            "46,6354, 32,6169         | 46.6354  | 32.6169",
            "+46.6354+032.6169        | 46.6354  | 32.6169",
            "46.6354N32.6169E         | 46.6354  | 32.6169",
            "46 38 07.4 32 37 00.8    | 46.6354  | 32.6169",
            "46, 32                   | 46       | 32",
            "46 75                    | 46       | 75",
            "46.6354 / 32.6169        | 46.6354  | 32.6169",
    })
    void formsWithOneReadingAreRead(String text, double lat, double lon) {
        LatLon parsed = CoordinateParser.parse(text);
        assertThat(parsed.lat()).isCloseTo(lat, within(0.00003));
        assertThat(parsed.lon()).isCloseTo(lon, within(0.00003));
    }

    @Test
    void formatsTheKnownValues() {
        LatLon kherson = new LatLon(46.6354, 32.6169);
        assertThat(CoordinateFormat.decimal(kherson)).isEqualTo("46.635400, 32.616900");
        assertThat(CoordinateFormat.dms(kherson)).isEqualTo("46°38'07.4\"N 32°37'00.8\"E");
        assertThat(CoordinateFormat.mgrs(kherson)).isEqualTo("36TVS7067764720");
        assertThat(CoordinateFormat.utm(kherson)).isEqualTo("36T 470677 5164720");
        LatLon sydney = new LatLon(-33.8688, 151.2093);
        assertThat(CoordinateFormat.dms(sydney)).isEqualTo("33°52'07.7\"S 151°12'33.5\"E");
        assertThat(CoordinateFormat.utm(sydney)).isEqualTo("56H 334369 6250948");
        assertThat(CoordinateFormat.mgrs(sydney)).isEqualTo("56HLH3436850948");
    }

    @Test
    void dmsNeverPrintsSixtySeconds() {
        assertThat(CoordinateFormat.dms(new LatLon(10.99999, -0.99999))).isEqualTo("11°00'00.0\"N 1°00'00.0\"W");
    }

    @Test
    void everyFormatRoundTripsOverTheInhabitedWorld() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            LatLon p = new LatLon(-79 + random.nextDouble() * 162, -179.9 + random.nextDouble() * 359.8);
            assertThat(CoordinateParser.parse(CoordinateFormat.decimal(p))).satisfies(q -> near(p, q, 1e-6));
            assertThat(CoordinateParser.parse(CoordinateFormat.dms(p))).satisfies(q -> near(p, q, 0.05 / 3600 + 1e-9));
            assertThat(CoordinateParser.parse(CoordinateFormat.mgrs(p))).satisfies(q -> near(p, q, 2.0 / 100_000));
            assertThat(CoordinateParser.parse(CoordinateFormat.utm(p))).satisfies(q -> near(p, q, 2.0 / 100_000));
        }
    }

    @Test
    void polarPositionsHaveNoGridReference() {
        LatLon pole = new LatLon(89, 10);
        assertThat(CoordinateFormat.mgrs(pole)).isEmpty();
        assertThat(CoordinateFormat.utm(pole)).isEmpty();
        assertThat(CoordinateFormat.dms(pole)).isEqualTo("89°00'00.0\"N 10°00'00.0\"E");
    }

    private static void near(LatLon expected, LatLon actual, double degrees) {
        assertThat(actual.lat()).as("latitude of %s", expected).isCloseTo(expected.lat(), within(degrees));
        double scale = Math.max(0.05, Math.cos(Math.toRadians(expected.lat())));
        assertThat(actual.lon()).as("longitude of %s", expected).isCloseTo(expected.lon(), within(degrees / scale));
    }
}
