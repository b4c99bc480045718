package org.groundtruth.cli;

import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.store.team.KeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth keys create|show NAME}: an analyst's Ed25519 key pair on this machine. */
@Command(name = "keys", description = "Analysts' signing keys on this machine (in the user's config folder).",
        subcommands = {KeysCommand.Create.class, KeysCommand.Show.class})
final class KeysCommand {

    record KeyInfo(String name, String fingerprint, String publicKey, String publicKeyFile, boolean privateKeyHere) {
        static KeyInfo of(KeyRing ring, AnalystKey key) {
            return new KeyInfo(key.name(), key.fingerprint(), key.pem(), ring.publicFile(key.name()).toString(),
                    ring.hasPrivateKey(key.name()));
        }
    }

    @Command(name = "create", description = "Create NAME's key pair (private key readable only by you; passphrase from "
            + KeyRing.PASSPHRASE_ENV + " when set).")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Analyst name.") String name;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            KeyRing ring = KeyRing.user();
            var passphrase = KeyRing.passphraseFromEnvironment();
            AnalystKey key = ring.create(name, passphrase);
            KeyInfo info = KeyInfo.of(ring, key);
            if (json) {
                Output.json(spec, info);
            } else {
                Output.line(spec, "created the key pair of " + key.name() + " (fingerprint " + key.fingerprint() + ")");
                Output.line(spec, "public key: " + info.publicKeyFile());
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", description = "Print NAME's public key (PEM) and fingerprint.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Analyst name.") String name;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            KeyRing ring = KeyRing.user();
            AnalystKey key = ring.publicKey(name).orElseThrow(() -> new BadInputException(
                    "no key for analyst " + name + " in " + ring.directory() + " (create it with keys create)"));
            if (json) {
                Output.json(spec, KeyInfo.of(ring, key));
            } else {
                spec.commandLine().getOut().print(key.pem());
                Output.line(spec, "fingerprint: " + key.fingerprint());
            }
            return Cli.OK;
        }
    }
}
