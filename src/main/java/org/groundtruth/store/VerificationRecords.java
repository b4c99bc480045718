package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.PlaceLookup;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;

/**
 * Storage of the verification records (pins, insignia, corroborations, chronolocations, reviews), each
 * checked against the entities it names and logged. Workflow rules on top of these belong to the verify
 * feature; what is enforced here is what keeps the data consistent.
 */
public final class VerificationRecords {
    private final Database db;
    private final PlaceLookup places;

    VerificationRecords(Database db, PlaceLookup places) {
        this.db = db;
        this.places = places;
    }

    /** Adds a pin; an accepted pin becomes the incident's location (replacing any earlier accepted pin). */
    public GeolocationPin addPin(GeolocationPin pin, String actor, String reason) {
        return db.inTransaction(c -> {
            IncidentService.require(c, pin.incidentId());
            for (var feature : pin.matchedFeatures()) {
                if (feature.frame().isPresent()) {
                    requireEvidence(c, feature.frame().get().evidenceId());
                }
            }
            GeolocationPin inserted = pin.accepted() ? unaccepted(pin) : pin;
            PinRepository.insert(c, inserted);
            // The entry holds the row as inserted; acceptance follows as its own logged change, so the log's last
            // state of every pin is its row (audit verify compares them).
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "pin", pin.id(), null, inserted, reason));
            if (pin.accepted()) {
                accept(c, pin.incidentId(), pin.id(), actor, reason);
            }
            SearchIndex.reindex(c, pin.incidentId());
            return PinRepository.find(c, pin.id()).orElseThrow();
        });
    }

    /** A new incident with the accepted pin that locates it, and the custody log's reason for both. */
    public record PinnedIncident(Incident incident, GeolocationPin pin, String reason) {
        public PinnedIncident {
            if (!pin.accepted() || !pin.incidentId().equals(incident.id())) {
                throw new IllegalArgumentException("the pin of a pinned incident is its accepted pin");
            }
        }
    }

    /**
     * Creates incidents, each with its accepted pin, in ONE transaction: {@code producer} pushes them one by one
     * (it may stream them from a file) and, if it or any write fails, nothing is stored. Each incident is created
     * already at its pin (its region filled from the pin like {@link #acceptPin}); the log has its creation and
     * the pin's. Written in bulk ({@link PinnedIncidentBatch}: statements prepared once, nothing read back).
     * Returns how many were created.
     */
    public long createPinned(String actor, java.util.function.Consumer<java.util.function.Consumer<PinnedIncident>> producer) {
        return db.inTransaction(c -> {
            try (PinnedIncidentBatch batch = new PinnedIncidentBatch(c, places, actor)) {
                producer.accept(item -> {
                    try {
                        batch.add(item);
                    } catch (SQLException e) {
                        throw new StoreException("database error writing " + item.incident().id() + ": "
                                + e.getMessage(), e);
                    }
                });
                batch.finish();
                return batch.written();
            }
        });
    }

    public void acceptPin(String pinId, String actor, String reason) {
        db.inTransaction(c -> {
            GeolocationPin pin = PinRepository.find(c, pinId)
                    .orElseThrow(() -> new BadInputException("unknown pin id: " + pinId));
            accept(c, pin.incidentId(), pinId, actor, reason);
            return null;
        });
    }

    public List<GeolocationPin> pins(String incidentId) {
        return db.read(c -> PinRepository.forIncident(c, incidentId));
    }

    public InsigniaObservation addObservation(InsigniaObservation observation, String actor, String reason) {
        return db.inTransaction(c -> {
            IncidentService.require(c, observation.incidentId());
            requireEvidence(c, observation.evidenceId());
            ObservationRepository.insert(c, observation);
            SearchIndex.reindex(c, observation.incidentId());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "insignia", observation.id(), null,
                    observation, reason));
            return observation;
        });
    }

    public List<InsigniaObservation> observations(String incidentId) {
        return db.read(c -> ObservationRepository.insigniaForIncident(c, incidentId));
    }

    public Corroboration addCorroboration(Corroboration link, String actor, String reason) {
        return db.inTransaction(c -> {
            requireEvidence(c, link.evidenceA());
            requireEvidence(c, link.evidenceB());
            ObservationRepository.insert(c, link);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "corroboration", link.id(), null, link,
                    reason));
            return link;
        });
    }

    public List<Corroboration> corroborations(String evidenceId) {
        return db.read(c -> ObservationRepository.corroborationsOf(c, evidenceId));
    }

    public Chronolocation addChronolocation(Chronolocation check, String actor, String reason) {
        return db.inTransaction(c -> {
            IncidentService.require(c, check.incidentId());
            ObservationRepository.insert(c, check);
            SearchIndex.reindex(c, check.incidentId());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "chronolocation", check.id(), null,
                    check, reason));
            return check;
        });
    }

    public List<Chronolocation> chronolocations(String incidentId) {
        return db.read(c -> ObservationRepository.chronolocationsFor(c, incidentId));
    }

    public Review addReview(Review review, String actor) {
        return db.inTransaction(c -> {
            IncidentService.require(c, review.incidentId());
            ObservationRepository.insert(c, review);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "review", review.id(), null, review,
                    review.rationale()));
            return review;
        });
    }

    public List<Review> reviews(String incidentId) {
        return db.read(c -> ObservationRepository.reviewsFor(c, incidentId));
    }

    private void accept(Connection c, String incidentId, String pinId, String actor, String reason)
            throws SQLException {
        Incident before = IncidentService.require(c, incidentId);
        GeolocationPin pin = PinRepository.find(c, pinId).orElseThrow();
        if (!pin.incidentId().equals(incidentId)) {
            throw new BadInputException("pin " + pinId + " belongs to another incident");
        }
        List<GeolocationPin> beforeAccepted = PinRepository.forIncident(c, incidentId);
        PinRepository.accept(c, incidentId, pinId);
        for (GeolocationPin was : beforeAccepted) {
            GeolocationPin now = PinRepository.find(c, was.id()).orElseThrow();
            if (now.accepted() != was.accepted()) {
                AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, "pin", was.id(), was, now,
                        now.accepted() ? "accepted" + (reason.isBlank() ? "" : ": " + reason)
                                : "replaced by accepted pin " + pinId));
            }
        }
        Incident.Builder moved = before.toBuilder().location(Optional.of(pin.target()));
        // The region follows the accepted pin; a place name the analyst typed is kept.
        places.at(pin.target()).ifPresent(fix -> {
            fix.admin1().ifPresent(moved::admin1);
            if (before.placeName().isBlank()) {
                fix.placeName().ifPresent(moved::placeName);
            }
        });
        Incident after = moved.build();
        IncidentRepository.update(c, after);
        SearchIndex.reindex(c, incidentId);
        AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, IncidentService.ENTITY, incidentId, before,
                after, "accepted pin " + pinId + (reason.isBlank() ? "" : ": " + reason)));
    }

    private static GeolocationPin unaccepted(GeolocationPin p) {
        return new GeolocationPin(p.id(), p.incidentId(), p.target(), p.precisionMeters(), p.camera(), p.method(),
                p.matchedFeatures(), p.referenceLayer(), p.referenceCaptureDate(), p.analyst(), false, p.createdAt());
    }

    private static void requireEvidence(Connection c, String evidenceId) throws SQLException {
        if (EvidenceRepository.find(c, evidenceId).isEmpty()) {
            throw new BadInputException("unknown evidence id: " + evidenceId);
        }
    }
}
