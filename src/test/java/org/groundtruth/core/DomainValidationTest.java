package org.groundtruth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.Sha256;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ReviewDecision;
import org.junit.jupiter.api.Test;

class DomainValidationTest {
    @Test
    void positionsMustBeFiniteAndInRange() {
        assertThatThrownBy(() -> new LatLon(91, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new LatLon(0, -180.5)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new LatLon(Double.NaN, 0)).hasMessageContaining("latitude");
        assertThat(new LatLon(46.6354, 32.6169).toString()).isEqualTo("46.635400, 32.616900");
    }

    @Test
    void incidentsNeedATitleAndCleanTags() {
        assertThatThrownBy(() -> Incident.titled("   ")).hasMessageContaining("title");
        Incident i = Incident.titled("  Удар по пожежній машині  ").toBuilder().tags(List.of(" dsns ", "", "dsns", "fpv"))
                .build();
        assertThat(i.title()).isEqualTo("Удар по пожежній машині");
        assertThat(i.tags()).containsExactly("dsns", "fpv");
        assertThat(i.id()).matches("inc-[0-9a-z]{10}");
    }

    @Test
    void anIncidentWithoutATimeHasUnknownPrecision() {
        Incident i = Incident.titled("t").toBuilder().timePrecision(TimePrecision.MINUTE).build();
        assertThat(i.timePrecision()).isEqualTo(TimePrecision.UNKNOWN);
    }

    @Test
    void casualtiesCannotBeNegative() {
        assertThatThrownBy(() -> new Casualties(-1, 0, 0, 0)).hasMessageContaining("killed responders");
    }

    @Test
    void idsAreCheckedForKind() {
        assertThatThrownBy(() -> new Incident("ev-0123456789", "t", "", Optional.empty(), TimePrecision.UNKNOWN, "",
                "", Optional.empty(), TargetType.OTHER, org.groundtruth.core.incident.StrikeType.UNKNOWN,
                org.groundtruth.core.incident.StrikeSequence.UNKNOWN, Casualties.NONE,
                org.groundtruth.core.verify.VerificationStatus.UNVERIFIED, List.of(), Sensitivity.PUBLIC))
                .hasMessageContaining("not a valid inc id");
    }

    @Test
    void sha256MustBeLowerCaseHex() {
        assertThatThrownBy(() -> new Sha256("ABC")).hasMessageContaining("64 lower-case hex");
        assertThat(new Sha256("a".repeat(64)).hex()).hasSize(64);
    }

    @Test
    void sourceUrlsMustBeWebAddresses() {
        assertThatThrownBy(() -> Source.of("Telegram", "@x", "javascript:alert(1)", Optional.empty(), ""))
                .hasMessageContaining("post URL");
        assertThat(Source.of("Telegram", "@x", "https://t.me/x/1", Optional.empty(), "Підпис").caption())
                .isEqualTo("Підпис");
    }

    @Test
    void boxesStayInsideTheFrame() {
        assertThatThrownBy(() -> new NormalizedBox(0.8, 0.1, 0.3, 0.1)).hasMessageContaining("inside the frame");
        assertThatThrownBy(() -> new NormalizedBox(-0.1, 0, 0.1, 0.1)).hasMessageContaining("box x");
    }

    @Test
    void otherInsigniaNeedADescription() {
        assertThatThrownBy(() -> new InsigniaObservation(Ids.next("obs"), Ids.next("inc"), Ids.next("ev"),
                Optional.of(12L), Optional.of(0.4), new NormalizedBox(0, 0, 0.5, 0.5), InsigniaType.OTHER, " ",
                Confidence.LOW, "", "analyst", Instant.now())).hasMessageContaining("description");
    }

    @Test
    void pinsCheckPrecisionAndCameraGeometry() {
        assertThatThrownBy(() -> new CameraView(new LatLon(1, 1), 361, 60)).hasMessageContaining("bearing");
        assertThatThrownBy(() -> new GeolocationPin(Ids.next("pin"), Ids.next("inc"), new LatLon(1, 1), 0,
                Optional.empty(), "", List.of(), "", Optional.empty(), "a", false, Instant.now()))
                .hasMessageContaining("precision");
    }

    @Test
    void evidenceCannotCorroborateItself() {
        String ev = Ids.next("ev");
        assertThatThrownBy(() -> new Corroboration(Ids.next("cor"), ev, ev, CorroborationRelation.SAME_VEHICLE, "",
                "a", Instant.now())).hasMessageContaining("itself");
    }

    @Test
    void theProposerCannotApproveTheirOwnProposal() {
        assertThatThrownBy(() -> new Review(Ids.next("rev"), Ids.next("inc"), "Olena", Optional.of("olena"),
                ReviewDecision.APPROVED, "looks fine", Instant.now())).hasMessageContaining("cannot approve");
        assertThat(new Review(Ids.next("rev"), Ids.next("inc"), "Olena", Optional.of("Mykola"),
                ReviewDecision.APPROVED, "checked", Instant.now()).decision()).isEqualTo(ReviewDecision.APPROVED);
    }

    @Test
    void vocabularyCodesParseLeniently() {
        assertThat(Coded.parse(TargetType.class, "Fire-Engine", "target")).isEqualTo(TargetType.FIRE_ENGINE);
        assertThatThrownBy(() -> Coded.parse(TargetType.class, "tank", "--target-type"))
                .hasMessageContaining("--target-type 'tank' is not one of: fire_engine");
    }

    @Test
    void timesParseInIsoWithUtcDefault() {
        assertThat(Times.parseInstant("2025-07-03T13:00+03:00", "t")).isEqualTo(Instant.parse("2025-07-03T10:00:00Z"));
        assertThat(Times.parseInstant("2025-07-03T10:00", "t")).isEqualTo(Instant.parse("2025-07-03T10:00:00Z"));
        assertThat(Times.parseInstant("2025-07-03", "t")).isEqualTo(Instant.parse("2025-07-03T00:00:00Z"));
        assertThatThrownBy(() -> Times.parseInstant("03/07/2025", "--posted-at"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--posted-at '03/07/2025'");
    }
}
