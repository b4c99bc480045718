package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification workflow through the command line, as two analysts would run it. */
class VerificationCommandsTest {
    private static final String PHOTO = "../shared/data/media/jpg/Canon EOS 1000D.jpg";
    private static final String VIDEO = "../shared/data/media/video/with-gps.mp4";

    @TempDir
    Path tmp;
    private String incident;
    private String video;
    private String photo;

    private CliRun as(String analyst, String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", analyst));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @BeforeEach
    void incidentWithEvidence() {
        CliRun.of("--workspace", tmp.resolve("ws").toString(), "init");
        incident = as("Олена", "incident", "add", "--title", "Удар по пожежній машині", "--occurred-at",
                "2025-07-06T11:00:00Z", "--json").json().get("id").asText();
        video = as("Олена", "import", VIDEO, "--incident", incident, "--json").json().get(0).get("id").asText();
        photo = as("Олена", "import", PHOTO, "--incident", incident, "--json").json().get(0).get("id").asText();
    }

    @Test
    void proposeThenASecondAnalystApproves() {
        CliRun tooEarly = as("Олена", "status", "set", incident, "ready-for-review", "--rationale", "done");
        assertThat(tooEarly.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(tooEarly.err()).contains("accepted geolocation pin", "insignia observation");

        CliRun pin = as("Олена", "pin", "add", incident, "--at", "46°38'33\"N 32°38'53\"E", "--precision", "10",
                "--method", "Дах і лінія дерев", "--camera", "46.641, 32.646", "--bearing", "40", "--fov", "60",
                "--feature", "Навіс у кадрі 412|46.6426, 32.6481|" + video + ":412", "--accept", "--json");
        assertThat(pin.exitCode()).as(pin.err()).isZero();
        assertThat(pin.json().get("accepted").asBoolean()).isTrue();
        assertThat(pin.json().get("matchedFeatures").get(0).get("frame").get("frameNumber").asLong()).isEqualTo(412);
        assertThat(as("Олена", "incident", "show", incident, "--json").json().get("location").get("lat").asDouble())
                .isCloseTo(46.6425, org.assertj.core.data.Offset.offset(1e-3));

        CliRun insignia = as("Олена", "insignia", "add", incident, "--evidence", video, "--frame", "412", "--box",
                "0.1,0.2,0.3,0.25", "--type", "dsns-emblem", "--confidence", "high", "--note", "Емблема на дверях", "--json");
        assertThat(insignia.exitCode()).as(insignia.err()).isZero();
        assertThat(insignia.json().get("type").asText()).isEqualTo("dsns_emblem");
        assertThat(as("Олена", "insignia", "list", incident, "--json").json()).hasSize(1);

        CliRun link = as("Олена", "link", "add", video, photo, "--relation", "same-vehicle", "--note", "Та сама машина", "--json");
        assertThat(link.exitCode()).as(link.err()).isZero();
        assertThat(as("Олена", "link", "list", photo, "--json").json()).hasSize(1);

        CliRun verifiedDirectly = as("Олена", "status", "set", incident, "verified", "--rationale", "sure");
        assertThat(verifiedDirectly.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(verifiedDirectly.err()).contains("review");

        // the video's own GPS says London 2017 and the photo's clock 2008: red flags to explain first (issue 15)
        CliRun flagged = as("Олена", "status", "set", incident, "ready-for-review", "--rationale", "готово");
        assertThat(flagged.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(flagged.err()).contains("unexplained red flag", "location-mismatch " + video);
        explainAllFlags();
        assertThat(as("Олена", "status", "set", incident, "ready-for-review", "--rationale", "готово").exitCode()).isZero();
        CliRun selfApproval = as("олена", "review", "approve", incident, "--rationale", "ok");
        assertThat(selfApproval.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(selfApproval.err()).contains("different analyst");

        CliRun approved = as("Микола", "review", "approve", incident, "--rationale", "перевірив пін і емблему", "--json");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.json().get("status").asText()).isEqualTo("verified");

        JsonNode history = as("Микола", "history", incident, "--json").json();
        List<String> actions = new ArrayList<>();
        history.forEach(e -> actions.add(e.get("entityType").asText() + ":" + e.get("action").asText()));
        assertThat(actions).contains("incident:create", "pin:create", "insignia:create", "review:create",
                "incident:status_change");
        assertThat(history.get(history.size() - 1).get("actor").asText()).isEqualTo("Микола");
        assertThat(as("x", "audit", "verify").exitCode()).isZero();
    }

    /** Explains every red flag that blocks verification (issue 15), as an analyst would after reading them. */
    private void explainAllFlags() {
        for (JsonNode flag : as("Олена", "checks", incident, "--json").json()) {
            if (flag.get("blocking").asBoolean()) {
                CliRun explained = as("Олена", "checks", "explain", incident, flag.get("kind").asText(),
                        flag.get("evidence").asText(), "--rationale", "Репост старого відео для порівняння");
                assertThat(explained.exitCode()).as(explained.err()).isZero();
            }
        }
    }

    @Test
    void aRejectionReturnsTheIncidentToInProgressWithTheReason() {
        as("Олена", "pin", "add", incident, "--at", "46.6425, 32.648", "--precision", "100", "--method", "m", "--accept");
        as("Олена", "insignia", "add", incident, "--evidence", photo, "--box", "0,0,1,1", "--type", "none-visible");
        explainAllFlags();
        as("Олена", "status", "set", incident, "ready-for-review", "--rationale", "готово");
        CliRun rejected = as("Микола", "review", "reject", incident, "--rationale", "пін не збігається з дахом", "--json");
        assertThat(rejected.exitCode()).as(rejected.err()).isZero();
        assertThat(rejected.json().get("status").asText()).isEqualTo("in_progress");
        JsonNode history = as("Микола", "history", incident, "--json").json();
        assertThat(history.get(history.size() - 1).get("reason").asText()).isEqualTo("пін не збігається з дахом");
        assertThat(as("Микола", "review", "approve", incident, "--rationale", "x").exitCode()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void badVerificationInputIsRefusedAndStoresNothing() {
        long before = as("x", "audit", "verify", "--json").json().get("entries").asLong();
        for (String[] bad : List.of(
                new String[] {"insignia", "add", incident, "--evidence", video, "--box", "0.8,0.1,0.3,0.1", "--type", "red-cross"},
                new String[] {"insignia", "add", incident, "--evidence", video, "--box", "0.1,0.1,0.1,0.1", "--type", "tank"},
                new String[] {"insignia", "add", incident, "--evidence", "ev-0000000000", "--box", "0,0,1,1", "--type", "police"},
                new String[] {"insignia", "add", incident, "--evidence", video, "--box", "0,0,1,1", "--type", "other"},
                new String[] {"pin", "add", incident, "--at", "north of the river", "--precision", "10", "--method", "m"},
                new String[] {"pin", "add", incident, "--at", "95, 30", "--precision", "10", "--method", "m"},
                new String[] {"pin", "add", "inc-0000000000", "--at", "46.6, 32.6", "--precision", "10", "--method", "m"},
                new String[] {"pin", "add", incident, "--at", "46.6, 32.6", "--precision", "-5", "--method", "m"},
                new String[] {"link", "add", video, video, "--relation", "same-vehicle"},
                new String[] {"link", "add", video, photo, "--relation", "cousins"},
                new String[] {"status", "set", incident, "finished", "--rationale", "x"},
                new String[] {"status", "set", incident, "in-progress", "--rationale", " "},
                new String[] {"sun", "--at", "46.6, 32.6", "--time", "noon"})) {
            CliRun run = as("Олена", bad);
            assertThat(run.exitCode()).as(String.join(" ", bad) + " → " + run.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.err().strip()).doesNotContain("\n").isNotEmpty();
        }
        assertThat(as("x", "audit", "verify", "--json").json().get("entries").asLong()).isEqualTo(before);
    }

    @Test
    void anAcceptedPinFillsRegionAndBlankPlaceByReverseLookup() {
        String blank = as("Олена", "incident", "add", "--title", "Удар без місця", "--json").json().get("id").asText();
        as("Олена", "pin", "add", blank, "--at", "47.5712, 34.3962", "--precision", "100", "--method", "m", "--accept");
        JsonNode filled = as("Олена", "incident", "show", blank, "--json").json();
        assertThat(filled.get("admin1").asText()).isEqualTo("Dnipropetrovsk Oblast");
        assertThat(filled.get("placeName").asText()).isEqualTo("Nikopol");

        String named = as("Олена", "incident", "add", "--title", "Удар у Криму", "--place", "Джанкой, депо",
                "--admin1", "wrong", "--json").json().get("id").asText();
        as("Олена", "pin", "add", named, "--at", "45.7086, 34.3933", "--precision", "100", "--method", "m", "--accept");
        JsonNode kept = as("Олена", "incident", "show", named, "--json").json();
        assertThat(kept.get("placeName").asText()).as("the analyst's place name is kept").isEqualTo("Джанкой, депо");
        assertThat(kept.get("admin1").asText()).as("Crimea is Ukraine").isEqualTo("Autonomous Republic of Crimea");
    }

    @Test
    void sourceReportsAreSetAndEditedFromTheCommandLine() {
        CliRun set = as("Олена", "source", "set", video, "--platform", "Telegram", "--url", "https://t.me/unit/5",
                "--caption", "Удар по пожежній", "--posted-at", "2025-07-06T12:00Z", "--json");
        assertThat(set.exitCode()).as(set.err()).isZero();
        CliRun edit = as("Олена", "source", "set", video, "--translation", "Strike on a fire engine", "--json");
        assertThat(edit.json().get("id").asText()).isEqualTo(set.json().get("id").asText());
        assertThat(edit.json().get("caption").asText()).isEqualTo("Удар по пожежній");
        assertThat(edit.json().get("translation").asText()).isEqualTo("Strike on a fire engine");
        assertThat(as("Олена", "source", "set", video, "--url", "ftp://x").exitCode()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void sunPrintsAzimuthAndAltitude() {
        JsonNode sun = CliRun.of("sun", "--at", "46.6354, 32.6169", "--time", "2025-07-06T14:00+03:00", "--json").json();
        assertThat(sun.get("azimuth").asDouble()).isCloseTo(214.48, org.assertj.core.data.Offset.offset(0.1));
        assertThat(sun.get("altitude").asDouble()).isCloseTo(62.60, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aChronolocationIsSavedAtTheAcceptedPin() {
        as("Олена", "pin", "add", incident, "--at", "46.6354, 32.6169", "--precision", "10", "--method", "m", "--accept");
        CliRun saved = as("Олена", "chronolocation", "add", incident, "--time", "2025-07-06T11:00:00Z",
                "--shadow-bearing", "34.5", "--note", "Тіні на схід-північний схід", "--json");
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.json().get("sunAzimuthDegrees").asDouble()).isCloseTo(214.48, org.assertj.core.data.Offset.offset(0.1));
        assertThat(saved.json().get("matchingWindows")).isNotEmpty();
        // Without --json the check states its verdict on the claimed time.
        CliRun fits = as("Олена", "chronolocation", "add", incident, "--time", "2025-07-06T11:00:00Z",
                "--shadow-bearing", "34.5");
        assertThat(fits.exitCode()).as(fits.err()).isZero();
        assertThat(fits.out()).containsPattern("A 35° shadow fits \\d\\d:\\d\\d–\\d\\d:\\d\\d UTC; the claimed 11:00 fits\\.");
        CliRun misfit = as("Олена", "chronolocation", "add", incident, "--time", "2025-07-06T08:25:00Z",
                "--shadow-bearing", "34.5");
        assertThat(misfit.out()).contains("the claimed 08:25 does not fit.");
    }
}
