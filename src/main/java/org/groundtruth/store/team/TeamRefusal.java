package org.groundtruth.store.team;

/** The server refused an action by its rules (membership, keys, the two-person review, a forked chain). */
public final class TeamRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    public TeamRefusal(String message, String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
