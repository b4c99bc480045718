package org.groundtruth.core.casefile;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Require;

/**
 * A case-file signer this investigation trusts: the SHA-256 fingerprint of an Ed25519 public key (64 lower-case
 * hex digits, as {@code export} and {@code verify} print it), the name the analyst gave it, the key when it was
 * given as a file, who trusted it and when (UTC). {@code implicit}: one of this investigation's own export keys,
 * trusted without being listed.
 */
public record TrustedSigner(String fingerprint, String name, Optional<String> publicKeyPem, String trustedBy,
        Instant trustedAt, boolean implicit) {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    public TrustedSigner {
        fingerprint = fingerprint(fingerprint);
        name = Require.present(name, "signer name").strip();
        if (name.length() > 200) {
            throw new BadInputException("signer name is longer than 200 characters");
        }
        Require.present(publicKeyPem, "public key");
        Require.nonBlank(trustedBy, "trusted by", 500);
        Require.present(trustedAt, "trusted at");
    }

    /**
     * A fingerprint as typed: hex, upper or lower case, colons or spaces between pairs allowed.
     * @throws BadInputException naming the text when it is not 64 hex digits
     */
    public static String fingerprint(String text) {
        String hex = Require.present(text, "fingerprint").strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(hex).matches()) {
            throw new BadInputException("'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                    + "' is not a key fingerprint (64 hex digits, the SHA-256 that export and verify print)"
                    + " nor a .pub file");
        }
        return hex;
    }
}
