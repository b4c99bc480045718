package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TeamLocal;
import org.groundtruth.store.team.ServerAudit;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamAdmin;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamServer;
import org.groundtruth.store.team.TeamSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth team init|analyst add|join|invite|conflicts|resolve|audit verify}: the team server (PostgreSQL
 * with PostGIS). Passwords come from {@code PGPASSWORD} or {@code ~/.pgpass}, never from the command line.
 */
@Command(name = "team", description = "Share an investigation through a team server (PostgreSQL/PostGIS).",
        subcommands = {TeamCommand.Init.class, TeamCommand.Analyst.class, TeamCommand.Join.class,
            TeamCommand.Invite.class, TeamCommand.Conflicts.class, TeamCommand.Resolve.class, TeamCommand.Audit.class,
            TeamStatusCommand.class})
final class TeamCommand {
    /** Environment variable with the password of an analyst being registered (else one is generated). */
    static final String NEW_PASSWORD_ENV = "GROUNDTRUTH_ANALYST_PASSWORD";

    private TeamCommand() {
    }

    static String adminUser(ServerUrl url) {
        return TeamAdmin.adminUser(url);
    }

    @Command(name = "init", description = "Create or upgrade the team schema on the server (as the database owner).")
    static final class Init implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--server", required = true, paramLabel = "URL", description = "postgresql://host:port/db") String server;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record Result(String server, int schemaVersion) {
        }

        @Override
        public Integer call() {
            ServerUrl url = ServerUrl.parse(server);
            return TeamCalls.run(spec, () -> {
                int version = TeamAdmin.init(url, Optional.empty());
                if (json) {
                    Output.json(spec, new Result(url.display(), version));
                } else {
                    Output.line(spec, "team schema ready on " + url.display() + " (version " + version + ")");
                }
                return Cli.OK;
            });
        }
    }

    @Command(name = "analyst", description = "Register analysts on the server.", subcommands = {AnalystAdd.class})
    static final class Analyst {
    }

    @Command(name = "add", description = "Register NAME with their public key and a role (as a server administrator);"
            + " the password is " + NEW_PASSWORD_ENV + " when set, else generated and printed once.")
    static final class AnalystAdd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Analyst name (their login on the server).") String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "analyst, reviewer or editor") String role;
        @Option(names = "--server", required = true, paramLabel = "URL", description = "postgresql://host:port/db") String server;
        @Option(names = "--key", required = true, paramLabel = "PUBLIC_KEY_FILE", description = "The analyst's public key (PEM, from keys show).") Path keyFile;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record Result(String name, String role, String fingerprint, String password) {
        }

        @Override
        public Integer call() {
            ServerUrl url = ServerUrl.parse(server);
            Optional<char[]> given = Optional.ofNullable(System.getenv(NEW_PASSWORD_ENV)).filter(s -> !s.isEmpty())
                    .map(String::toCharArray);
            return TeamCalls.run(spec, () -> {
                TeamAdmin.Added added = TeamAdmin.addAnalyst(url, Optional.empty(), name, role, keyFile, given);
                TeamServer.Registered r = added.registered();
                String shown = added.generatedPassword().orElse("");
                if (json) {
                    Output.json(spec, new Result(r.name(), r.role(), r.fingerprint(), shown));
                } else {
                    Output.line(spec, "registered " + r.name() + " as " + r.role() + " (key " + r.fingerprint() + ")");
                    if (added.generatedPassword().isPresent()) {
                        Output.line(spec, "password (shown once; give it to " + r.name() + " for ~/.pgpass): " + shown);
                    }
                }
                return Cli.OK;
            });
        }
    }

    @Command(name = "join", description = "Link this investigation to a project on the server (creating the project"
            + " when there is none by that name; otherwise you must have been invited).")
    static final class Join implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--server", required = true, paramLabel = "URL", description = "postgresql://host:port/db") String server;
        @Option(names = "--project", required = true, paramLabel = "NAME", description = "Project name.") String project;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record Result(String server, String project, String deviceId, String analyst, int members) {
        }

        @Override
        public Integer call() {
            ServerUrl url = ServerUrl.parse(server);
            GroundtruthCommand root = Workspace.root(spec);
            String analyst = Workspace.analyst(root);
            return TeamCalls.run(spec, () -> {
                try (TeamClient client = TeamClient.open(url, analyst, Optional.empty());
                     Investigation inv = Workspace.open(root)) {
                    TeamLocal.Link link = TeamSync.join(inv, client, project, analyst);
                    int members = inv.team().knownKeys().size();
                    if (json) {
                        Output.json(spec, new Result(link.server(), link.project(), link.deviceId(), analyst, members));
                    } else {
                        Output.line(spec, analyst + " joined project " + link.project() + " on " + link.server()
                                + " as device " + link.deviceId() + " (" + members + " members)");
                    }
                }
                return Cli.OK;
            });
        }
    }

    @Command(name = "invite", description = "Invite a registered analyst to a project you are a member of.")
    static final class Invite implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Analyst to invite.") String name;
        @Option(names = "--server", required = true, paramLabel = "URL", description = "postgresql://host:port/db") String server;
        @Option(names = "--project", required = true, paramLabel = "NAME", description = "Project name.") String project;

        @Override
        public Integer call() {
            ServerUrl url = ServerUrl.parse(server);
            String analyst = Workspace.analyst(Workspace.root(spec));
            return TeamCalls.run(spec, () -> {
                try (TeamClient client = TeamClient.open(url, analyst, Optional.empty())) {
                    client.invite(project, name);
                    Output.line(spec, name + " may now join project " + project);
                }
                return Cli.OK;
            });
        }
    }

    @Command(name = "conflicts", description = "Fields two analysts changed differently offline (open ones; --all for resolved too).")
    static final class Conflicts implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--all", description = "Include resolved conflicts.") boolean all;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Investigation inv = Workspace.open(Workspace.root(spec))) {
                List<FieldConflict> list = inv.team().conflicts(all);
                if (json) {
                    Output.json(spec, list);
                } else if (list.isEmpty()) {
                    Output.line(spec, "no " + (all ? "" : "open ") + "conflicts");
                } else {
                    for (FieldConflict k : list) {
                        Output.line(spec, k.id() + "  " + k.incidentId() + "  " + k.field() + "  local: " + k.localValue()
                                + "  remote (" + k.remoteActor() + "): " + k.remoteValue()
                                + k.resolvedBy().map(s -> "  resolved by " + s).orElse(""));
                    }
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "resolve", description = "Resolve a conflict by keeping the local or the remote value (logged).")
    static final class Resolve implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "CONFLICT", description = "Conflict id (from team conflicts).") long id;
        @Option(names = "--keep", required = true, paramLabel = "local|remote", description = "Which value to keep.") String keep;

        @Override
        public Integer call() {
            if (!keep.equals("local") && !keep.equals("remote")) {
                throw new BadInputException("--keep must be local or remote, was: " + keep);
            }
            GroundtruthCommand root = Workspace.root(spec);
            try (Investigation inv = Workspace.open(root)) {
                var entry = inv.team().resolve(id, keep.equals("remote"), Workspace.analyst(root));
                Output.line(spec, "conflict " + id + " resolved (custody entry " + entry.sequence() + ")");
            }
            return Cli.OK;
        }
    }

    @Command(name = "audit", description = "Check the server's chains.", subcommands = {AuditVerify.class})
    static final class Audit {
    }

    @Command(name = "verify", description = "Recompute the project chain, every device chain and every signature on"
            + " the server; exit 1 naming each problem.")
    static final class AuditVerify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--server", required = true, paramLabel = "URL", description = "postgresql://host:port/db") String server;
        @Option(names = "--project", paramLabel = "NAME", description = "Only this project.") String project;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record Result(boolean intact, List<ServerAudit.ProjectCheck> projects) {
        }

        @Override
        public Integer call() {
            ServerUrl url = ServerUrl.parse(server);
            String user = url.user().orElseGet(() -> Workspace.analyst(Workspace.root(spec)));
            return TeamCalls.run(spec, () -> {
                List<ServerAudit.ProjectCheck> checks = ServerAudit.verify(url, user, Optional.ofNullable(project));
                boolean intact = checks.stream().allMatch(ServerAudit.ProjectCheck::intact);
                if (json) {
                    Output.json(spec, new Result(intact, checks));
                } else {
                    for (ServerAudit.ProjectCheck k : checks) {
                        Output.line(spec, (k.intact() ? "OK: " : "BROKEN: ") + "project " + k.project() + ", "
                                + k.entries() + " entries from " + k.devices() + " devices");
                        k.problems().forEach(p -> Output.line(spec, "  " + p));
                    }
                }
                return intact ? Cli.OK : Cli.CHECK_FAILED;
            });
        }
    }
}
