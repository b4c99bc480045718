package org.groundtruth.store.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.identity.AnalystKey;

/**
 * Team server administration as the command line ({@code team init}, {@code team analyst add}) and the window
 * (File ▸ Team) both do it: who the administrator is, reading an analyst's public key file, the analyst's password
 * (given, or generated and shown once). Passwords are never written anywhere by Groundtruth.
 */
public final class TeamAdmin {
    /** The roles an analyst can have on the server. */
    public static final List<String> ROLES = List.of("analyst", "reviewer", "editor");

    private TeamAdmin() {
    }

    /** The result of registering an analyst; {@code generatedPassword} is present when one was made for them. */
    public record Added(TeamServer.Registered registered, Optional<String> generatedPassword) {
    }

    /** The administrator's login: the user in the address, else {@code PGUSER}, else the operating-system user. */
    public static String adminUser(ServerUrl url) {
        return url.user().or(() -> Optional.ofNullable(System.getenv("PGUSER")).filter(s -> !s.isBlank()))
                .orElse(System.getProperty("user.name"));
    }

    /** Creates or upgrades the team schema; returns its version. {@code password} empty: PGPASSWORD or ~/.pgpass. */
    public static int init(ServerUrl url, Optional<char[]> password) {
        return TeamServer.init(url, adminUser(url), password);
    }

    /** Reads an Ed25519 public key (PEM, as {@code keys show} prints it) for analyst {@code name}. */
    public static AnalystKey readPublicKey(String name, Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new BadInputException("cannot read public key file " + file + ": " + e.getMessage());
        }
        return AnalystKey.fromPem(name, pem).orElseThrow(() -> new BadInputException(
                file + " is not an Ed25519 public key (PEM)"));
    }

    /**
     * Registers analyst {@code name} with {@code role} and the public key in {@code keyFile}, as the administrator
     * (password {@code adminPassword}, else PGPASSWORD or ~/.pgpass). The analyst's login password is
     * {@code newPassword} when given, else one is generated and returned (to be shown once).
     */
    public static Added addAnalyst(ServerUrl url, Optional<char[]> adminPassword, String name, String role,
            Path keyFile, Optional<char[]> newPassword) {
        String who = name == null ? "" : name.strip();
        if (who.isEmpty()) {
            throw new BadInputException("an analyst name is needed");
        }
        if (!ROLES.contains(role)) {
            throw new BadInputException("role must be analyst, reviewer or editor, was: " + role);
        }
        AnalystKey key = readPublicKey(who, keyFile);
        Optional<String> generated = newPassword.isPresent() ? Optional.empty() : Optional.of(generatePassword());
        char[] password = newPassword.orElseGet(() -> generated.orElseThrow().toCharArray());
        TeamServer.Registered registered = TeamServer.addAnalyst(url, adminUser(url), adminPassword, key, role, password,
                generated.isPresent());
        return new Added(registered, generated);
    }

    /** A random password (144 bits, URL-safe base64). */
    public static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
