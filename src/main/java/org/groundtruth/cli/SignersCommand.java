package org.groundtruth.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.casefile.TrustedSigner;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth signers trust|list|revoke}: the case-file signers this investigation trusts. */
@Command(name = "signers", description = "The case-file signers this investigation trusts (import-case refuses others).",
        subcommands = {SignersCommand.Trust.class, SignersCommand.ListSigners.class, SignersCommand.Revoke.class})
final class SignersCommand {

    /** One signer as --json prints it. */
    record Signer(String fingerprint, String name, String trustedBy, String trustedAt, boolean implicit, boolean hasKey) {
        static Signer of(TrustedSigner s) {
            return new Signer(s.fingerprint(), s.name(), s.trustedBy(), s.trustedAt().toString(), s.implicit(),
                    s.publicKeyPem().isPresent());
        }
    }

    @Command(name = "trust", description = "Trust case files signed with a key: its signer.pub file or its fingerprint"
            + " (compare the fingerprint with the sender by another channel first).")
    static final class Trust implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.pub|FINGERPRINT") String key;
        @Option(names = "--name", paramLabel = "NAME", description = "Who the key belongs to.") String name;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                Path file = Path.of(key);
                TrustedSigner signer = Files.isRegularFile(file)
                        ? inv.signers().trustKeyFile(file, Optional.ofNullable(name), Workspace.analyst(root))
                        : inv.signers().trust(key, name == null ? "" : name, Optional.empty(), Workspace.analyst(root));
                if (json) {
                    Output.json(spec, Signer.of(signer));
                } else {
                    Output.line(spec, "Trusted " + signer.fingerprint() + (signer.name().isEmpty() ? "" : " (" + signer.name() + ")"));
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "list", description = "List the trusted signers, with this investigation's own export keys.")
    static final class ListSigners implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                List<TrustedSigner> signers = inv.signers().list();
                if (json) {
                    Output.json(spec, signers.stream().map(Signer::of).toList());
                } else if (signers.isEmpty()) {
                    Output.line(spec, "No trusted signers yet (this investigation's own export key is listed after its first export)");
                } else {
                    for (TrustedSigner s : signers) {
                        Output.line(spec, s.fingerprint() + "  " + (s.implicit() ? "[own] " : "") + s.name()
                                + (s.implicit() ? "" : "  (trusted by " + s.trustedBy() + ", " + s.trustedAt() + ")"));
                    }
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "revoke", description = "Stop trusting a signer.")
    static final class Revoke implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FINGERPRINT") String fingerprint;

        @Override
        public Integer call() {
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                TrustedSigner revoked = inv.signers().revoke(fingerprint, Workspace.analyst(root));
                Output.line(spec, "Revoked " + revoked.fingerprint() + (revoked.name().isEmpty() ? "" : " (" + revoked.name() + ")"));
                return Cli.OK;
            }
        }
    }
}
