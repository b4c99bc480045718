package org.groundtruth.store.team;

import java.util.Optional;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.store.Investigation;

/** Puts the analyst's key (when this machine holds it) to work: every entry they append is signed. */
public final class TeamIdentity {
    private TeamIdentity() {
    }

    /** Signs with {@code analyst}'s key from the user's key ring; returns the signer, when there is a key. */
    public static Optional<EntrySigner> install(Investigation inv, String analyst, KeyRing ring) {
        Optional<EntrySigner> signer = ring.signer(analyst, KeyRing.passphraseFromEnvironment());
        signer.ifPresent(inv.team()::useSigner);
        return signer;
    }
}
