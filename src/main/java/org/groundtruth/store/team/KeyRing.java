package org.groundtruth.store.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.store.StoreException;
import org.groundtruth.store.WorkspaceLocator;

/**
 * Analysts' Ed25519 key pairs on this machine, in the user's config folder under {@code analysts/}: the private
 * key readable by the user only (optionally encrypted with a passphrase: PBKDF2-HMAC-SHA256, AES-256-GCM), the
 * public key as PEM beside it. docs/decisions/1701-analyst-keys.md.
 */
public final class KeyRing {
    public static final String DIRECTORY = "analysts";
    /** Environment variable with the passphrase of an encrypted private key (never an option on the command line). */
    public static final String PASSPHRASE_ENV = "GROUNDTRUTH_KEY_PASSPHRASE";

    private static final String PLAIN = "groundtruth-ed25519-private-v1";
    private static final String ENCRYPTED = "groundtruth-ed25519-private-encrypted-v1";
    private static final int ITERATIONS = 210_000;

    private final Path directory;

    public KeyRing(Path directory) {
        this.directory = directory;
    }

    /** The key ring in the user's config folder. */
    public static KeyRing user() {
        return new KeyRing(WorkspaceLocator.configDirectory().resolve(DIRECTORY));
    }

    public Path directory() {
        return directory;
    }

    /** Creates the analyst's key pair; refuses when one exists (a key is an identity: never silently replaced). */
    public synchronized AnalystKey create(String analyst, Optional<char[]> passphrase) {
        Path priv = privateFile(analyst);
        if (Files.exists(priv)) {
            throw new BadInputException("analyst " + analyst + " already has a key pair in " + priv);
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            AnalystKey identity = new AnalystKey(analyst, pair.getPublic());
            Files.createDirectories(directory);
            byte[] der = pair.getPrivate().getEncoded();
            String body = passphrase.isPresent() ? ENCRYPTED + "\n" + encrypt(der, passphrase.get())
                    : PLAIN + "\n" + Base64.getEncoder().encodeToString(der);
            write(publicFile(analyst), identity.pem().getBytes(StandardCharsets.US_ASCII), false);
            write(priv, (body + "\n" + identity.name() + "\n").getBytes(StandardCharsets.UTF_8), true);
            return identity;
        } catch (IOException e) {
            throw new StoreException("cannot write the key of " + analyst + " in " + directory + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 17 platform", e);
        }
    }

    /** The analyst's public key, when this machine has it. */
    public Optional<AnalystKey> publicKey(String analyst) {
        Path pub = publicFile(analyst);
        if (!Files.isRegularFile(pub)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AnalystKey.fromPem(analyst, Files.readString(pub, StandardCharsets.US_ASCII))
                    .orElseThrow(() -> new BadInputException(pub + " is not an Ed25519 public key")));
        } catch (IOException e) {
            throw new StoreException("cannot read " + pub + ": " + e.getMessage(), e);
        }
    }

    /** True when this machine holds the analyst's private key. */
    public boolean hasPrivateKey(String analyst) {
        return Files.isRegularFile(privateFile(analyst));
    }

    /** A signer for the analyst; empty when this machine holds no private key for that name. */
    public Optional<EntrySigner> signer(String analyst, Optional<char[]> passphrase) {
        Path priv = privateFile(analyst);
        if (!Files.isRegularFile(priv)) {
            return Optional.empty();
        }
        AnalystKey pub = publicKey(analyst).orElseThrow(() -> new BadInputException(
                "the public key of " + analyst + " is missing beside " + priv));
        try {
            String[] lines = Files.readString(priv, StandardCharsets.UTF_8).split("\n");
            if (lines.length < 2) {
                throw new BadInputException(priv + " is not a Groundtruth private key");
            }
            byte[] der;
            if (lines[0].equals(PLAIN)) {
                der = Base64.getDecoder().decode(lines[1].strip());
            } else if (lines[0].equals(ENCRYPTED)) {
                der = decrypt(lines[1].strip(), passphrase.orElseThrow(() -> new BadInputException("the key of "
                        + analyst + " is protected by a passphrase: set " + PASSPHRASE_ENV)), priv);
            } else {
                throw new BadInputException(priv + " is not a Groundtruth private key");
            }
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return Optional.of(new EntrySigner(analyst, new KeyPair(pub.publicKey(), key)));
        } catch (IOException e) {
            throw new StoreException("cannot read " + priv + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(priv + " is unreadable: " + e.getMessage());
        }
    }

    /** The passphrase from {@link #PASSPHRASE_ENV}, when set. */
    public static Optional<char[]> passphraseFromEnvironment() {
        return Optional.ofNullable(System.getenv(PASSPHRASE_ENV)).filter(s -> !s.isEmpty()).map(String::toCharArray);
    }

    Path privateFile(String analyst) {
        return directory.resolve(stem(analyst) + ".key");
    }

    public Path publicFile(String analyst) {
        return directory.resolve(stem(analyst) + ".pub");
    }

    /** A file-name slug of the name plus a hash of its exact (trimmed, lower-case) spelling. */
    static String stem(String analyst) {
        String name = analyst.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new BadInputException("an analyst name is needed");
        }
        String slug = name.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return (slug.isEmpty() ? "analyst" : slug) + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encrypt(byte[] der, char[] passphrase) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, aesKey(passphrase, salt), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(der);
        byte[] out = new byte[salt.length + iv.length + sealed.length];
        System.arraycopy(salt, 0, out, 0, 16);
        System.arraycopy(iv, 0, out, 16, 12);
        System.arraycopy(sealed, 0, out, 28, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static byte[] decrypt(String text, char[] passphrase, Path file) throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(text);
        if (in.length < 29) {
            throw new BadInputException(file + " is truncated");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, aesKey(passphrase, Arrays.copyOf(in, 16)),
                new GCMParameterSpec(128, Arrays.copyOfRange(in, 16, 28)));
        try {
            return cipher.doFinal(in, 28, in.length - 28);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new BadInputException("wrong passphrase for " + file);
        }
    }

    private static SecretKeySpec aesKey(char[] passphrase, byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not POSIX (Windows): the user profile's ACLs protect the config folder.
            }
            Files.write(tmp, content);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
