package org.groundtruth.store.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.identity.EntrySigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys on disk: passphrase protection, refusal to replace, unreadable files named. */
class KeyRingTest {
    @TempDir
    Path tmp;

    @Test
    void aPassphraseProtectedKeyOpensOnlyWithItsPassphrase() throws Exception {
        KeyRing ring = new KeyRing(tmp);
        var key = ring.create("Олена", Optional.of("пароль".toCharArray()));
        assertThat(Files.readString(ring.privateFile("Олена"))).doesNotContain("MC4CAQAwBQYDK2Vw");
        EntrySigner signer = ring.signer("Олена", Optional.of("пароль".toCharArray())).orElseThrow();
        assertThat(signer.identity().fingerprint()).isEqualTo(key.fingerprint());
        assertThatThrownBy(() -> ring.signer("Олена", Optional.of("інший".toCharArray())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> ring.signer("Олена", Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining(KeyRing.PASSPHRASE_ENV);
        assertThatThrownBy(() -> ring.create("олена", Optional.empty())).hasMessageContaining("already has a key pair");
        assertThat(ring.signer("Петро", Optional.empty())).isEmpty();
    }

    @Test
    void aDamagedKeyFileIsNamed() throws Exception {
        KeyRing ring = new KeyRing(tmp);
        ring.create("Петро", Optional.empty());
        Files.writeString(ring.privateFile("Петро"), "groundtruth-ed25519-private-v1\nAAAA\n");
        assertThatThrownBy(() -> ring.signer("Петро", Optional.empty())).isInstanceOf(BadInputException.class)
                .hasMessageContaining(ring.privateFile("Петро").toString());
    }
}
