package org.groundtruth.store.casefile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import org.groundtruth.core.casefile.ManifestSignature;
import org.groundtruth.store.StoreException;

/**
 * One Ed25519 key pair per analyst, created on first use and kept in the workspace under {@code keys/}
 * (private key readable by the owner only). The file name is a slug of the analyst's name plus a short hash,
 * so different spellings never share a key.
 */
public final class SigningKeys {
    public static final String KEYS_DIR = org.groundtruth.store.SignerTrust.KEYS_DIR;

    private final Path directory;

    public SigningKeys(Path workspace) {
        this.directory = workspace.resolve(KEYS_DIR);
    }

    /** The analyst's key pair, generated and saved when there is none yet. */
    public synchronized KeyPair forAnalyst(String analyst) {
        Path privateFile = directory.resolve(fileStem(analyst) + ".key");
        Path publicFile = directory.resolve(fileStem(analyst) + ".pub");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                return load(privateFile, publicFile);
            }
            KeyPair pair = KeyPairGenerator.getInstance(ManifestSignature.ALGORITHM).generateKeyPair();
            Files.createDirectories(directory);
            writeAtomically(privateFile, (Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n").getBytes(StandardCharsets.US_ASCII), true);
            writeAtomically(publicFile, ManifestSignature.toPem(pair.getPublic()), false);
            return pair;
        } catch (IOException e) {
            throw new StoreException("cannot keep the signing key in " + directory + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("the signing key in " + privateFile + " is unreadable: " + e.getMessage(), e);
        }
    }

    static String fileStem(String analyst) {
        String slug = analyst.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        String hash = Integer.toHexString(analyst.hashCode());
        return (slug.isEmpty() ? "analyst" : slug) + "-" + hash;
    }

    private static KeyPair load(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip());
        PrivateKey privateKey = KeyFactory.getInstance(ManifestSignature.ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        PublicKey publicKey = ManifestSignature.fromPem(Files.readAllBytes(publicFile))
                .orElseThrow(() -> new GeneralSecurityException(publicFile + " is not an Ed25519 public key"));
        // A mismatched pair would sign case files nobody can verify: check the pair once when loading it.
        byte[] probe = "groundtruth key check".getBytes(StandardCharsets.US_ASCII);
        if (!ManifestSignature.verify(publicKey, probe, ManifestSignature.sign(privateKey, probe))) {
            throw new GeneralSecurityException("the public key does not belong to the private key");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static void writeAtomically(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".key", ".tmp");
        try {
            if (ownerOnly) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system (Windows): the user profile's ACLs protect the workspace.
                }
            }
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
