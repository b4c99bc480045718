package org.groundtruth.map.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.groundtruth.map.NameKeys;

/**
 * Writes the street and address index into an SQLite file (the same file as an imported extract's drawing data):
 * one row per named thing, and its keys — the full name, the bare name without the street type and each later word
 * (so "Grace" finds "Avenue Princesse Grace"), the transliteration skeleton, and for addresses street + number.
 * The caller owns the transaction.
 */
public final class NameIndexWriter implements AutoCloseable {
    static final int POS_FULL = 0;
    static final int POS_BARE = 1;
    static final int POS_LATER = 2;

    private final PreparedStatement insertName;
    private final PreparedStatement insertKey;
    private final PreparedStatement insertSkeleton;
    private final PreparedStatement insertAddress;
    private long nextId = 1;

    public NameIndexWriter(Connection connection) throws SQLException {
        createSchema(connection);
        insertName = connection.prepareStatement("INSERT INTO osm_name(id, kind, name, alt, lat_e6, lon_e6, importance)"
                + " VALUES (?,?,?,?,?,?,?)");
        insertKey = connection.prepareStatement("INSERT OR IGNORE INTO osm_key(key, name_id, pos) VALUES (?,?,?)");
        insertSkeleton = connection.prepareStatement("INSERT OR IGNORE INTO osm_skel(skel, name_id) VALUES (?,?)");
        insertAddress = connection.prepareStatement("INSERT OR IGNORE INTO osm_addr_key(key, name_id) VALUES (?,?)");
    }

    static void createSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS osm_name(id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL,"
                    + " alt TEXT, lat_e6 INTEGER NOT NULL, lon_e6 INTEGER NOT NULL, importance INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS osm_key(key TEXT NOT NULL, name_id INTEGER NOT NULL, pos INTEGER NOT NULL,"
                    + " PRIMARY KEY(key, name_id, pos)) WITHOUT ROWID");
            s.execute("CREATE TABLE IF NOT EXISTS osm_skel(skel TEXT NOT NULL, name_id INTEGER NOT NULL,"
                    + " PRIMARY KEY(skel, name_id)) WITHOUT ROWID");
            s.execute("CREATE TABLE IF NOT EXISTS osm_addr_key(key TEXT NOT NULL, name_id INTEGER NOT NULL,"
                    + " PRIMARY KEY(key, name_id)) WITHOUT ROWID");
        }
    }

    /**
     * A named thing. {@code spellings} are all its names (name, name:uk, name:en, name:ru, old_name, …); the first
     * non-blank one should be {@code name}. Returns the row id.
     */
    public long add(PlaceKind kind, String name, String alt, List<String> spellings, double lat, double lon, int importance)
            throws SQLException {
        long id = nextId++;
        insertName.setLong(1, id);
        insertName.setInt(2, kind.ordinal());
        insertName.setString(3, name);
        insertName.setString(4, alt == null || alt.isBlank() || alt.equals(name) ? null : alt);
        insertName.setLong(5, Math.round(lat * 1e6));
        insertName.setLong(6, Math.round(lon * 1e6));
        insertName.setInt(7, importance);
        insertName.executeUpdate();
        Set<String> skeletons = new HashSet<>();
        for (String spelling : spellings) {
            if (spelling == null || spelling.isBlank()) {
                continue;
            }
            List<String> words = NameKeys.words(spelling);
            String full = NameKeys.joinedKey(words);
            if (full.isEmpty()) {
                continue;
            }
            key(full, id, POS_FULL);
            List<String> bare = NameKeys.bareWords(words);
            for (int i = 0; i < bare.size(); i++) {
                String suffix = NameKeys.joinedKey(bare.subList(i, bare.size()));
                if (!suffix.isEmpty()) {
                    key(suffix, id, i == 0 ? POS_BARE : POS_LATER);
                }
            }
            String skeleton = NameKeys.skeleton(NameKeys.joinedKey(bare));
            if (skeleton.length() >= 2 && skeletons.add(skeleton)) {
                insertSkeleton.setString(1, skeleton);
                insertSkeleton.setLong(2, id);
                insertSkeleton.executeUpdate();
            }
        }
        return id;
    }

    /** A house number on a street: found by "street number" in any script, with or without the street type. */
    public void addAddress(String street, List<String> streetSpellings, String houseNumber, double lat, double lon)
            throws SQLException {
        String display = street + ", " + houseNumber;
        long id = nextId++;
        insertName.setLong(1, id);
        insertName.setInt(2, PlaceKind.ADDRESS.ordinal());
        insertName.setString(3, display);
        insertName.setString(4, null);
        insertName.setLong(5, Math.round(lat * 1e6));
        insertName.setLong(6, Math.round(lon * 1e6));
        insertName.setInt(7, PlaceKind.ADDRESS.importance);
        insertName.executeUpdate();
        String number = NameKeys.key(houseNumber);
        Set<String> keys = new HashSet<>();
        for (String spelling : streetSpellings) {
            if (spelling != null && !spelling.isBlank()) {
                keys.add(NameKeys.joinedKey(NameKeys.bareWords(NameKeys.words(spelling))) + number);
            }
        }
        for (String spelling : streetSpellings) {
            if (spelling != null && !spelling.isBlank()) {
                addressVariantKey(NameKeys.joinedKey(NameKeys.bareWords(NameKeys.words(spelling))), number).ifPresent(keys::add);
            }
        }
        for (String key : keys) {
            insertAddress.setString(1, key);
            insertAddress.setLong(2, id);
            insertAddress.executeUpdate();
        }
    }

    /**
     * The transliteration-variant key of an address: a marker, the street's skeleton and the number's key
     * ("Perekopskaya 12" meets "Перекопська 12"); never equal to or a prefix of a plain key, which has no marker.
     */
    static java.util.Optional<String> addressVariantKey(String streetKey, String numberKey) {
        String skeleton = NameKeys.skeleton(streetKey);
        return skeleton.length() >= 2 && !numberKey.isEmpty() ? java.util.Optional.of(ADDRESS_VARIANT + skeleton + ADDRESS_VARIANT
                + numberKey) : java.util.Optional.empty();
    }

    static final String ADDRESS_VARIANT = "~";

    private void key(String key, long id, int pos) throws SQLException {
        insertKey.setString(1, key);
        insertKey.setLong(2, id);
        insertKey.setInt(3, pos);
        insertKey.executeUpdate();
    }

    public long count() {
        return nextId - 1;
    }

    @Override
    public void close() throws SQLException {
        insertName.close();
        insertKey.close();
        insertSkeleton.close();
        insertAddress.close();
    }
}
