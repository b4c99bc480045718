package org.groundtruth.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** Entry signatures and the key rule of the review, in plain Java. */
class EntrySignerTest {
    private static final String HASH = "ab".repeat(32);

    @Test
    void aSignatureVerifiesOnlyForItsHashAndItsKey() throws Exception {
        EntrySigner olena = new EntrySigner("Олена", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        EntrySigner petro = new EntrySigner("Петро", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        EntrySignature s = olena.signEntry(HASH);
        assertThat(s.keyFingerprint()).isEqualTo(olena.identity().fingerprint()).hasSize(64);
        assertThat(EntrySigner.verifyEntry(olena.identity().publicKey(), HASH, s)).isTrue();
        assertThat(EntrySigner.verifyEntry(olena.identity().publicKey(), "cd".repeat(32), s)).isFalse();
        assertThat(EntrySigner.verifyEntry(petro.identity().publicKey(), HASH, s)).isFalse();
        assertThat(olena.signsFor(" олена ")).isTrue();
        assertThat(olena.signsFor("Петро")).isFalse();
        AnalystKey back = AnalystKey.fromPem("Олена", olena.identity().pem()).orElseThrow();
        assertThat(back.fingerprint()).isEqualTo(olena.identity().fingerprint());
        assertThat(AnalystKey.fromPem("x", "not a key")).isEmpty();
    }

    @Test
    void anApprovalNeedsAnotherKeyListedAsReviewer() {
        assertThatThrownBy(() -> ReviewKeys.checkApproval("a".repeat(64), "a".repeat(64), true))
                .hasMessageContaining("same key");
        assertThatThrownBy(() -> ReviewKeys.checkApproval("a".repeat(64), "b".repeat(64), false))
                .hasMessageContaining("not listed as a reviewer");
        ReviewKeys.checkApproval("a".repeat(64), "b".repeat(64), true);
        assertThatThrownBy(() -> new EntrySignature("xyz", "AAAAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
