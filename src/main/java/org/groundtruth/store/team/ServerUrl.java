package org.groundtruth.store.team;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.groundtruth.core.BadInputException;

/**
 * A team server address, {@code postgresql://[user@]host[:port]/database}. A password in the address is refused:
 * it comes from {@code PGPASSWORD} or {@code ~/.pgpass}, never from the command line.
 */
public record ServerUrl(String host, int port, String database, Optional<String> user) {

    public ServerUrl {
        if (host == null || host.isBlank()) {
            throw new BadInputException("server address has no host");
        }
        if (port < 1 || port > 65535) {
            throw new BadInputException("server port out of range: " + port);
        }
        if (database == null || database.isBlank()) {
            throw new BadInputException("server address names no database (postgresql://host:port/DATABASE)");
        }
    }

    public static ServerUrl parse(String text) {
        if (text == null || !text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new BadInputException("server address must look like postgresql://host:port/database, was: " + text);
        }
        try {
            URI uri = new URI(text);
            String userInfo = uri.getRawUserInfo();
            Optional<String> user = Optional.empty();
            if (userInfo != null) {
                if (userInfo.contains(":")) {
                    throw new BadInputException("server address " + redacted(text) + " contains a password: put it in"
                            + " PGPASSWORD or ~/.pgpass instead");
                }
                user = Optional.of(java.net.URLDecoder.decode(userInfo, java.nio.charset.StandardCharsets.UTF_8));
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getQuery() != null) {
                throw new BadInputException("server address " + text + " has parameters; only host, port and database");
            }
            return new ServerUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user);
        } catch (URISyntaxException e) {
            throw new BadInputException("server address " + text + " is not a valid URL: " + e.getReason());
        }
    }

    public String jdbc() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /** The address as written in the investigation and shown to the user (no credentials). */
    public String display() {
        return "postgresql://" + user.map(u -> u + "@").orElse("") + host + ":" + port + "/" + database;
    }

    private static String redacted(String text) {
        return text.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }
}
