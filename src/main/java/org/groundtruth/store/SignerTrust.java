package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.casefile.ManifestSignature;
import org.groundtruth.core.casefile.TrustedSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case-file signers this investigation trusts: listed ones (trusted and revoked with a custody-log entry,
 * entity type {@value #ENTITY}) and, implicitly, the investigation's own export keys ({@code keys/*.pub}).
 * {@code import-case} and the window's Open case file ask {@link #find} before they merge anything.
 */
public final class SignerTrust {
    static final String ENTITY = "signer";
    /** Folder of the workspace that holds the analysts' export key pairs. */
    public static final String KEYS_DIR = "keys";
    private static final Logger LOG = LoggerFactory.getLogger(SignerTrust.class);
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    private final Database db;
    private final Path keys;

    SignerTrust(Database db, Path workspace) {
        this.db = db;
        this.keys = workspace.resolve(KEYS_DIR);
    }

    /** Trusts a key (or renames a trusted one); trusting it again with the same name changes nothing. */
    public TrustedSigner trust(String fingerprint, String name, Optional<String> publicKeyPem, String actor) {
        return db.inTransaction(c -> {
            TrustedSigner signer = new TrustedSigner(fingerprint, name, publicKeyPem, actor, Instant.now(), false);
            Optional<TrustedSigner> before = find(c, signer.fingerprint());
            if (before.isPresent()) {
                if (before.get().name().equals(signer.name())
                        && (publicKeyPem.isEmpty() || before.get().publicKeyPem().equals(publicKeyPem))) {
                    return before.get();
                }
                TrustedSigner renamed = new TrustedSigner(signer.fingerprint(), signer.name(),
                        publicKeyPem.or(before.get()::publicKeyPem), before.get().trustedBy(), before.get().trustedAt(), false);
                Sql.update(c, "UPDATE trusted_signer SET name = ?, public_key_pem = ? WHERE fingerprint = ?",
                        renamed.name(), renamed.publicKeyPem(), renamed.fingerprint());
                AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, ENTITY, renamed.fingerprint(),
                        before.get(), renamed, "trusted signer renamed"));
                return renamed;
            }
            Sql.update(c, "INSERT INTO trusted_signer (fingerprint, name, public_key_pem, trusted_by, trusted_at)"
                    + " VALUES (?, ?, ?, ?, ?)", signer.fingerprint(), signer.name(), signer.publicKeyPem(),
                    signer.trustedBy(), signer.trustedAt());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, ENTITY, signer.fingerprint(), null, signer,
                    "case files signed with this key are trusted"));
            return signer;
        });
    }

    /** Trusts the Ed25519 key in a PEM {@code .pub} file; the name defaults to the file's name. */
    public TrustedSigner trustKeyFile(Path file, Optional<String> name, String actor) {
        byte[] pem;
        try (InputStream in = Files.newInputStream(file)) {
            pem = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new StoreException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        var key = pem.length > MAX_KEY_FILE_BYTES ? Optional.<java.security.PublicKey>empty() : ManifestSignature.fromPem(pem);
        if (key.isEmpty()) {
            throw new BadInputException(file + " is not an Ed25519 public key (a PEM \"PUBLIC KEY\" file such as a case"
                    + " file's signer.pub)");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.pub$", "");
        return trust(ManifestSignature.fingerprint(key.get()), name.orElse(stem),
                Optional.of(new String(ManifestSignature.toPem(key.get()), java.nio.charset.StandardCharsets.US_ASCII)), actor);
    }

    /** Removes a listed signer; the investigation's own keys cannot be revoked. */
    public TrustedSigner revoke(String fingerprint, String actor) {
        String hex = TrustedSigner.fingerprint(fingerprint);
        return db.inTransaction(c -> {
            Optional<TrustedSigner> before = find(c, hex);
            if (before.isEmpty()) {
                if (ownKeys().containsKey(hex)) {
                    throw new BadInputException("key " + hex + " is this investigation's own export key; it is always"
                            + " trusted and cannot be revoked");
                }
                throw new BadInputException("key " + hex + " is not a trusted signer (see signers list)");
            }
            Sql.update(c, "DELETE FROM trusted_signer WHERE fingerprint = ?", hex);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.DELETE, ENTITY, hex, before.get(), null,
                    "no longer trusted"));
            return before.get();
        });
    }

    /** The trusted signer with this fingerprint (listed, or one of the investigation's own keys). */
    public Optional<TrustedSigner> find(String fingerprint) {
        String hex = TrustedSigner.fingerprint(fingerprint);
        Optional<TrustedSigner> listed = db.read(c -> find(c, hex));
        return listed.isPresent() ? listed : Optional.ofNullable(ownKeys().get(hex));
    }

    /** Listed signers by name, then the investigation's own keys. */
    public List<TrustedSigner> list() {
        List<TrustedSigner> all = new ArrayList<>(db.read(c -> Sql.query(c,
                "SELECT * FROM trusted_signer ORDER BY name, fingerprint", SignerTrust::map)));
        ownKeys().values().stream().filter(own -> all.stream().noneMatch(s -> s.fingerprint().equals(own.fingerprint())))
                .forEach(all::add);
        return all;
    }

    static Optional<TrustedSigner> find(Connection c, String fingerprint) throws SQLException {
        return Sql.one(c, "SELECT * FROM trusted_signer WHERE fingerprint = ?", SignerTrust::map, fingerprint);
    }

    static TrustedSigner map(ResultSet rs) throws SQLException {
        return new TrustedSigner(rs.getString("fingerprint"), rs.getString("name"),
                Sql.optionalString(rs, "public_key_pem"), rs.getString("trusted_by"), Sql.instant(rs, "trusted_at"), false);
    }

    /** The public halves of the analysts' export keys kept in this workspace, by fingerprint. */
    private Map<String, TrustedSigner> ownKeys() {
        Map<String, TrustedSigner> own = new TreeMap<>();
        if (!Files.isDirectory(keys)) {
            return own;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys, "*.pub")) {
            for (Path file : files) {
                try {
                    byte[] pem = Files.readAllBytes(file);
                    ManifestSignature.fromPem(pem).ifPresent(key -> {
                        String stem = file.getFileName().toString().replaceFirst("\\.pub$", "");
                        Instant made = lastModified(file);
                        own.put(ManifestSignature.fingerprint(key), new TrustedSigner(ManifestSignature.fingerprint(key),
                                "own export key " + stem, Optional.of(new String(pem, java.nio.charset.StandardCharsets.US_ASCII)),
                                "this investigation", made, true));
                    });
                } catch (IOException e) {
                    LOG.warn("cannot read export key {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list export keys in {}: {}", keys, e.getMessage());
        }
        return own;
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
