package org.groundtruth.store.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ReviewDecision;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;

/**
 * A populated demo investigation so a newcomer sees a working bench: ten incidents of June–August 2025 in
 * Kherson, Nikopol, Zaporizhzhia, Kharkiv, Dnipro and Odesa, modelled on public reporting of attacks on
 * emergency services. Every title, channel and picture is synthetic and says so.
 */
public final class DemoInvestigation {
    static final String ANALYST = "Demo analyst (O. Kovalenko)";
    static final String REVIEWER = "Demo reviewer (M. Lysenko)";
    private static final String SEED = "demo investigation seed (synthetic data)";

    private record Plan(String title, String description, String when, String place, String admin1, double lat,
            double lon, TargetType target, StrikeType strike, StrikeSequence sequence, Casualties casualties,
            VerificationStatus status, List<String> tags, String caption) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("Fire engine hit by FPV drone while fighting a house fire",
                    "DSNS crew extinguishing a fire in the Dniprovskyi district was struck by an FPV drone. "
                            + "Synthetic demo incident.",
                    "2025-06-12T07:40:00Z", "Херсон (Kherson), Dniprovskyi district", "Kherson Oblast", 46.6425,
                    32.6480, TargetType.FIRE_ENGINE, StrikeType.FPV_DRONE, StrikeSequence.INITIAL,
                    new Casualties(0, 2, 0, 0), VerificationStatus.VERIFIED, List.of("dsns", "fpv", "kherson"),
                    "Пожежна машина уражена FPV-дроном. [synthetic demo caption]"),
            new Plan("Ambulance struck on the road to Bilozerka",
                    "Emergency medical team vehicle hit by a drone-dropped munition on a village road. "
                            + "Synthetic demo incident.",
                    "2025-06-28T05:15:00Z", "Білозерка (Bilozerka)", "Kherson Oblast", 46.6371, 32.3945,
                    TargetType.AMBULANCE, StrikeType.DROPPED_MUNITION, StrikeSequence.INITIAL,
                    new Casualties(0, 1, 0, 1), VerificationStatus.GEOLOCATED, List.of("ambulance", "kherson"),
                    "Скид на швидку допомогу. [synthetic demo caption]"),
            new Plan("Fire engine hit after shelling of the waterfront",
                    "Fire crew responding to shelling was hit by a drone near the river embankment. "
                            + "Synthetic demo incident.",
                    "2025-07-03T09:10:00Z", "Нікополь (Nikopol)", "Dnipropetrovsk Oblast", 47.5712, 34.3962,
                    TargetType.FIRE_ENGINE, StrikeType.FPV_DRONE, StrikeSequence.INITIAL,
                    new Casualties(0, 1, 0, 0), VerificationStatus.CORROBORATED, List.of("dsns", "nikopol"),
                    "Нікополь, пожежники під ударом. [synthetic demo caption]"),
            new Plan("Second strike on responders at the same place in Nikopol",
                    "Fifty minutes after the first strike a second drone hit the rescuers at the scene: "
                            + "a suspected double tap. Synthetic demo incident.",
                    "2025-07-03T10:00:00Z", "Нікополь (Nikopol)", "Dnipropetrovsk Oblast", 47.5716, 34.3969,
                    TargetType.EMERGENCY_PERSONNEL, StrikeType.FPV_DRONE, StrikeSequence.FOLLOW_UP,
                    new Casualties(1, 2, 0, 0), VerificationStatus.READY_FOR_REVIEW,
                    List.of("double-tap", "nikopol"), "Повторний удар по рятувальниках. [synthetic demo caption]"),
            new Plan("Rescue vehicle damaged by aerial bomb",
                    "Rescue vehicle damaged while crews cleared rubble after a guided aerial bomb strike. "
                            + "Synthetic demo incident.",
                    "2025-07-14T13:25:00Z", "Запоріжжя (Zaporizhzhia)", "Zaporizhzhia Oblast", 47.8388, 35.1396,
                    TargetType.RESCUE_VEHICLE, StrikeType.AERIAL_BOMB, StrikeSequence.UNKNOWN, Casualties.NONE,
                    VerificationStatus.IN_PROGRESS, List.of("kab", "zaporizhzhia"),
                    "Запоріжжя, КАБ. [synthetic demo caption]"),
            new Plan("Fire station area hit by guided bomb in Saltivka",
                    "Guided bomb strike near a fire station in the Saltivskyi district. Synthetic demo incident.",
                    "2025-07-19T10:05:00Z", "Харків (Kharkiv), Saltivskyi district", "Kharkiv Oblast", 50.0301,
                    36.2952, TargetType.FIRE_ENGINE, StrikeType.AERIAL_BOMB, StrikeSequence.INITIAL,
                    new Casualties(0, 0, 0, 3), VerificationStatus.GEOLOCATED, List.of("kharkiv"),
                    "Харків, удар по пожежній частині. [synthetic demo caption]"),
            new Plan("Follow-up strike hits rescuers in Saltivka",
                    "A second bomb 43 minutes later, 120 m from the first, hit the rescuers. Synthetic demo incident.",
                    "2025-07-19T10:48:00Z", "Харків (Kharkiv), Saltivskyi district", "Kharkiv Oblast", 50.0311,
                    36.2960, TargetType.EMERGENCY_PERSONNEL, StrikeType.AERIAL_BOMB, StrikeSequence.UNKNOWN,
                    new Casualties(1, 3, 0, 0), VerificationStatus.IN_PROGRESS, List.of("double-tap", "kharkiv"),
                    "Повторний удар, Салтівка. [synthetic demo caption]"),
            new Plan("Ambulance hit by missile debris",
                    "Ambulance damaged during a missile attack on the city. Synthetic demo incident.",
                    "2025-08-02T01:30:00Z", "Дніпро (Dnipro)", "Dnipropetrovsk Oblast", 48.4647, 35.0462,
                    TargetType.AMBULANCE, StrikeType.MISSILE, StrikeSequence.UNKNOWN, Casualties.NONE,
                    VerificationStatus.UNVERIFIED, List.of("dnipro"), "Дніпро, швидка. [synthetic demo caption]"),
            new Plan("Video claimed as Odesa fire engine strike is older footage",
                    "Footage posted as a new strike matches a 2023 video; the claim is rejected. "
                            + "Synthetic demo incident.",
                    "2025-08-09T22:10:00Z", "Одеса (Odesa)", "Odesa Oblast", 46.4825, 30.7233,
                    TargetType.FIRE_ENGINE, StrikeType.UNKNOWN, StrikeSequence.UNKNOWN, Casualties.NONE,
                    VerificationStatus.REJECTED, List.of("misattributed", "odesa"),
                    "Одеса, нібито нова атака. [synthetic demo caption]"),
            new Plan("Ambulance station shelled in Antonivka",
                    "Artillery fire hit the ambulance station; one vehicle burned. Synthetic demo incident.",
                    "2025-08-21T16:45:00Z", "Антонівка (Antonivka)", "Kherson Oblast", 46.6806, 32.7361,
                    TargetType.MEDICAL_FACILITY, StrikeType.ARTILLERY, StrikeSequence.UNKNOWN,
                    new Casualties(0, 1, 0, 0), VerificationStatus.UNVERIFIED, List.of("artillery", "kherson"),
                    "Антонівка, обстріл підстанції швидкої. [synthetic demo caption]"));

    private DemoInvestigation() {
    }

    /**
     * Fills an empty investigation with the demo; does nothing when it already holds incidents. One transaction:
     * a failed or killed run leaves no demo data at all. Its pictures may stay in the vault (named by their content,
     * they are the same files on the next run, which reuses them), never in the database.
     */
    public static void populateIfEmpty(Investigation investigation) {
        investigation.inOneTransaction(() -> {
            if (investigation.counts().incidents() > 0) {
                return;
            }
            int variant = 0;
            for (Plan plan : PLANS) {
                seed(investigation, plan, variant++);
            }
        });
    }

    public static int incidentCount() {
        return PLANS.size();
    }

    private static void seed(Investigation inv, Plan plan, int variant) {
        Instant occurred = Instant.parse(plan.when);
        LatLon where = new LatLon(plan.lat, plan.lon);
        Incident incident = Incident.titled(plan.title).toBuilder().description(plan.description)
                .occurredAt(Optional.of(occurred)).timePrecision(TimePrecision.MINUTE).placeName(plan.place)
                .admin1(plan.admin1).location(Optional.of(where)).targetType(plan.target).strikeType(plan.strike).strikeSequence(plan.sequence)
                .casualties(plan.casualties).status(plan.status).tags(plan.tags).sensitivity(Sensitivity.PUBLIC)
                .build();
        inv.incidents().create(incident, ANALYST, SEED);

        Source post = new Source(Ids.next(Source.ID_PREFIX), "Telegram", "@demo_unit_channel (synthetic)",
                "https://t.me/demo_unit_channel/" + (1000 + variant), String.valueOf(1000 + variant),
                Optional.of(occurred.plus(Duration.ofHours(3))), plan.caption, "uk", "");
        EvidenceItem video = importImage(inv, incident.id(), "SYNTHETIC-drone-frame-" + (variant + 1) + ".png",
                plan.title, plan.target, variant, Optional.of(post));
        if (plan.status == VerificationStatus.UNVERIFIED) {
            return;
        }
        inv.verification().addPin(new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incident.id(), where,
                plan.status == VerificationStatus.IN_PROGRESS ? 100 : 10,
                Optional.of(new CameraView(new LatLon(plan.lat - 0.0012, plan.lon - 0.0015), 40, 60)),
                "Road junction, tree line and roof shapes matched against reference imagery (synthetic demo).",
                List.of(new MatchedFeature("Road junction in the lower left of the frame",
                        Optional.of(new FrameReference(video.id(), 0)), where)),
                "Demo basemap", Optional.of(LocalDate.parse("2025-05-30")), ANALYST, true,
                occurred.plus(Duration.ofDays(1))), ANALYST, "demo geolocation");
        inv.verification().addObservation(new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX),
                incident.id(), video.id(), Optional.empty(), Optional.empty(), new NormalizedBox(0.40, 0.42, 0.2, 0.15),
                plan.target == TargetType.AMBULANCE ? InsigniaType.AMBULANCE_MARKINGS : InsigniaType.DSNS_EMBLEM, "",
                Confidence.HIGH, "Markings on the vehicle roof (synthetic demo).", ANALYST,
                occurred.plus(Duration.ofDays(1))), ANALYST, "demo observation");
        if (plan.status.ordinal() >= VerificationStatus.CORROBORATED.ordinal()) {
            EvidenceItem photo = importImage(inv, incident.id(), "SYNTHETIC-rescue-service-photo-" + (variant + 1)
                    + ".png", "Rescue service photo: " + plan.place, plan.target, variant + 50, Optional.empty());
            inv.verification().addCorroboration(new Corroboration(Ids.next(Corroboration.ID_PREFIX), video.id(),
                    photo.id(), CorroborationRelation.SAME_VEHICLE, "Same livery and damage (synthetic demo).",
                    ANALYST, occurred.plus(Duration.ofDays(2))), ANALYST, "demo corroboration");
            inv.verification().addChronolocation(new Chronolocation(Ids.next(Chronolocation.ID_PREFIX),
                    incident.id(), occurred, 120, 35, Optional.empty(), List.of(), "Shadows consistent with the "
                            + "claimed morning time (synthetic demo).", ANALYST, occurred.plus(Duration.ofDays(2))),
                    ANALYST, "demo chronolocation");
        }
        if (plan.status == VerificationStatus.READY_FOR_REVIEW || plan.status == VerificationStatus.VERIFIED) {
            inv.verification().addReview(new Review(Ids.next(Review.ID_PREFIX), incident.id(), ANALYST,
                    Optional.empty(), ReviewDecision.PROPOSED, "Geolocated, insignia visible, corroborated.",
                    occurred.plus(Duration.ofDays(3))), ANALYST);
        }
        if (plan.status == VerificationStatus.VERIFIED) {
            inv.verification().addReview(new Review(Ids.next(Review.ID_PREFIX), incident.id(), ANALYST,
                    Optional.of(REVIEWER), ReviewDecision.APPROVED, "Checked the pin and the markings independently.",
                    occurred.plus(Duration.ofDays(4))), REVIEWER);
        }
    }

    private static EvidenceItem importImage(Investigation inv, String incidentId, String name, String caption,
            TargetType target, int variant, Optional<Source> source) {
        byte[] png = SyntheticImage.png(caption, target, variant);
        try {
            return inv.evidence().importContent(new ByteArrayInputStream(png), png.length, name,
                    new ImportRequest(Optional.of(incidentId), source, Sensitivity.PUBLIC), ANALYST,
                    ProgressMonitor.NONE).item();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store demo image " + name, e);
        }
    }
}
