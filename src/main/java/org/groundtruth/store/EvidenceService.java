package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Require;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.Version;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.core.evidence.Source;

/** Importing originals into the vault and the database, and linking them to incidents. */
public final class EvidenceService {
    static final String ENTITY = "evidence";

    /** Where an import goes and where the material came from. */
    public record ImportRequest(Optional<String> incidentId, Optional<Source> source, Sensitivity sensitivity) {
        public static final ImportRequest PLAIN = new ImportRequest(Optional.empty(), Optional.empty(),
                Sensitivity.PUBLIC);

        public ImportRequest {
            Require.present(incidentId, "incident id");
            Require.present(source, "source");
            Require.present(sensitivity, "sensitivity");
        }
    }

    /** The stored item; {@code duplicate} when identical content was already in the investigation. */
    public record ImportResult(EvidenceItem item, boolean duplicate) {
    }

    private final Database db;
    private final EvidenceVault vault;
    private final MediaInspector inspector;

    EvidenceService(Database db, EvidenceVault vault, MediaInspector inspector) {
        this.db = db;
        this.vault = vault;
        this.inspector = inspector;
    }

    /** Checks that {@code file} can be imported: it exists, is a regular readable file, and is not empty. */
    public static long checkImportable(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(file + ": cannot be read");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new BadInputException(file + ": is empty (0 bytes)");
            }
            return size;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Checks the request's incident exists before anything is written. */
    public void checkRequest(ImportRequest request) {
        request.incidentId().ifPresent(id -> db.read(c -> IncidentService.require(c, id)));
    }

    /**
     * Imports a file. Its size, modification time and identity are read before and compared after it was hashed and
     * copied: a file changed meanwhile (cut short by a download still running, rewritten, replaced) is not stored
     * ({@link SourceChangedException}, nothing in the vault or the database).
     */
    public ImportResult importFile(Path file, ImportRequest request, String actor, ProgressMonitor progress) {
        checkImportable(file);
        checkRequest(request);
        try {
            SourceSnapshot before = SourceSnapshot.of(file);
            try (InputStream in = Files.newInputStream(file)) {
                return importContent(in, before.sizeBytes(), file.getFileName().toString(), request, actor, progress,
                        stored -> before.requireUnchanged(file, stored));
            }
        } catch (IOException e) {
            throw new StoreException(file + ": import failed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Streams content into the vault, then records it in one transaction. Identical content already in the
     * investigation is not stored twice: the existing item is returned (and linked to the incident).
     */
    public ImportResult importContent(InputStream content, long expectedSize, String originalName,
            ImportRequest request, String actor, ProgressMonitor progress) throws IOException {
        return importContent(content, expectedSize, originalName, request, actor, progress,
                EvidenceVault.SourceCheck.NONE);
    }

    private ImportResult importContent(InputStream content, long expectedSize, String originalName,
            ImportRequest request, String actor, ProgressMonitor progress, EvidenceVault.SourceCheck check)
            throws IOException {
        checkRequest(request);
        EvidenceVault.StoredFile stored = vault.store(content, expectedSize, progress, check);
        if (stored.sizeBytes() == 0) {
            throw new BadInputException(originalName + ": is empty (0 bytes)");
        }
        // Reading the media can take a while: do it before the transaction, and only for new content.
        boolean known = db.read(c -> EvidenceRepository.findBySha256(c, stored.sha256())).isPresent();
        String mediaType = known ? "" : inspector.detectType(stored.head());
        MediaAnalysis analysis = known ? MediaAnalysis.NOTHING
                : inspector.analyze(vault.pathOf(stored.sha256()), mediaType);
        return db.inTransaction(c -> {
            Optional<EvidenceItem> existing = EvidenceRepository.findBySha256(c, stored.sha256());
            EvidenceItem item;
            if (existing.isPresent()) {
                item = existing.get();
            } else {
                String type = mediaType.isEmpty() ? inspector.detectType(stored.head()) : mediaType;
                Optional<String> sourceId = Optional.empty();
                if (request.source().isPresent()) {
                    Source source = request.source().get();
                    EvidenceRepository.insertSource(c, source);
                    AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "source", source.id(), null,
                            source, "imported with " + originalName));
                    sourceId = Optional.of(source.id());
                }
                item = new EvidenceItem(Ids.next(EvidenceItem.ID_PREFIX),
                        analysis.kind().orElse(EvidenceKind.forMediaType(type)), originalName, type,
                        stored.sizeBytes(), stored.sha256(), analysis.perceptualHash(), actor, Instant.now(),
                        "Groundtruth " + Version.current(), analysis.metadataJson(), analysis.properties(),
                        request.sensitivity(), sourceId, Optional.empty());
                EvidenceRepository.insert(c, item);
                AuditLog.append(c, new AuditLog.Change(actor, AuditAction.IMPORT, ENTITY, item.id(), null, item,
                        "imported " + originalName));
            }
            if (request.incidentId().isPresent()) {
                link(c, request.incidentId().get(), item.id(), actor);
            }
            return new ImportResult(item, existing.isPresent());
        });
    }

    /**
     * Stores a still extracted from a video item (PNG bytes) as a new FRAME item derived from it: the video and
     * frame number in {@code derivedFrom}, the time in the video in its metadata ({@code "frame"}), linked to the
     * video's incidents. One transaction with its custody-log entry; the same PNG twice returns the stored item.
     */
    public ImportResult importDerivedFrame(FrameReference frame, double timeSeconds, byte[] png, String actor)
            throws IOException {
        Require.finiteInRange(timeSeconds, 0, 1e9, "frame time");
        EvidenceItem video = db.read(c -> require(c, frame.evidenceId()));
        String name = String.format(java.util.Locale.ROOT, "%s frame %d.png", video.originalName(), frame.frameNumber());
        EvidenceVault.StoredFile stored = vault.store(new java.io.ByteArrayInputStream(png), png.length, ProgressMonitor.NONE);
        boolean known = db.read(c -> EvidenceRepository.findBySha256(c, stored.sha256())).isPresent();
        String mediaType = inspector.detectType(stored.head());
        MediaAnalysis analysis = known ? MediaAnalysis.NOTHING : inspector.analyze(vault.pathOf(stored.sha256()), mediaType);
        com.fasterxml.jackson.databind.node.ObjectNode metadata = Json.mapper().readValue(analysis.metadataJson(),
                com.fasterxml.jackson.databind.node.ObjectNode.class);
        metadata.putObject("frame").put("evidenceId", frame.evidenceId()).put("frameNumber", frame.frameNumber())
                .put("timeSeconds", timeSeconds);
        return db.inTransaction(c -> {
            Optional<EvidenceItem> existing = EvidenceRepository.findBySha256(c, stored.sha256());
            if (existing.isPresent()) {
                return new ImportResult(existing.get(), true);
            }
            EvidenceItem item = new EvidenceItem(Ids.next(EvidenceItem.ID_PREFIX), EvidenceKind.FRAME, name, mediaType,
                    stored.sizeBytes(), stored.sha256(), analysis.perceptualHash(), actor, Instant.now(),
                    "Groundtruth " + Version.current(), metadata.toString(), analysis.properties(), video.sensitivity(),
                    video.sourceId(), Optional.of(frame));
            EvidenceRepository.insert(c, item);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.IMPORT, ENTITY, item.id(), null, item,
                    String.format(java.util.Locale.ROOT, "frame %d at %.3f s extracted from %s", frame.frameNumber(),
                            timeSeconds, video.id())));
            for (String incidentId : EvidenceRepository.incidentsOf(c, video.id())) {
                link(c, incidentId, item.id(), actor);
            }
            return new ImportResult(item, false);
        });
    }

    public void link(String incidentId, String evidenceId, String actor) {
        db.inTransaction(c -> {
            IncidentService.require(c, incidentId);
            require(c, evidenceId);
            link(c, incidentId, evidenceId, actor);
            return null;
        });
    }

    /**
     * Records where an item came from: edits its source when {@code source} is that source, or gives the item this
     * new source. One transaction with its custody entry; the search index follows (captions are searchable).
     */
    public Source saveSource(String evidenceId, Source source, String actor, String reason) {
        return db.inTransaction(c -> {
            EvidenceItem item = require(c, evidenceId);
            Optional<Source> before = item.sourceId().isPresent()
                    ? EvidenceRepository.findSource(c, item.sourceId().get()) : Optional.empty();
            if (before.isPresent() && before.get().id().equals(source.id())) {
                if (before.get().equals(source)) {
                    return source;
                }
                EvidenceRepository.updateSource(c, source);
                AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, "source", source.id(), before.get(),
                        source, reason));
            } else {
                EvidenceRepository.insertSource(c, source);
                EvidenceRepository.setSource(c, evidenceId, source.id());
                AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "source", source.id(), null, source,
                        reason.isBlank() ? "source of " + item.originalName() : reason));
                // The item's row changed too (its source): logged, so the log's last state of the item is its row.
                AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, ENTITY, evidenceId, item,
                        require(c, evidenceId), "source " + source.id()));
            }
            SearchIndex.reindexForEvidence(c, evidenceId);
            return source;
        });
    }

    public Optional<EvidenceItem> find(String id) {
        return db.read(c -> EvidenceRepository.find(c, id));
    }

    public List<EvidenceItem> forIncident(String incidentId) {
        return db.read(c -> EvidenceRepository.forIncident(c, incidentId));
    }

    public List<EvidenceItem> all() {
        return db.read(EvidenceRepository::all);
    }

    public List<String> incidentsOf(String evidenceId) {
        return db.read(c -> EvidenceRepository.incidentsOf(c, evidenceId));
    }

    public Optional<Source> source(String sourceId) {
        return db.read(c -> EvidenceRepository.findSource(c, sourceId));
    }

    public Path originalPath(EvidenceItem item) {
        return vault.pathOf(item.sha256());
    }

    private record Link(String incidentId, String evidenceId) {
    }

    private static void link(java.sql.Connection c, String incidentId, String evidenceId, String actor)
            throws java.sql.SQLException {
        if (EvidenceRepository.link(c, incidentId, evidenceId)) {
            SearchIndex.reindex(c, incidentId);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.LINK, ENTITY, evidenceId, null,
                    new Link(incidentId, evidenceId), "linked to incident " + incidentId));
        }
    }

    private static EvidenceItem require(java.sql.Connection c, String id) throws java.sql.SQLException {
        return EvidenceRepository.find(c, id).orElseThrow(() -> new BadInputException("unknown evidence id: " + id));
    }
}
