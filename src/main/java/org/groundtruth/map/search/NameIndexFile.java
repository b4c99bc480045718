package org.groundtruth.map.search;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * An SQLite file that holds the street and address index written by {@link NameIndexWriter} (an imported street
 * map). Search reads the index through this, so it does not depend on the package that imports the maps.
 */
public interface NameIndexFile extends AutoCloseable {
    /** The calling thread's connection to the file. */
    Connection connection();

    /** The file, named in errors. */
    Path file();

    /** Closes the file's connections; the owner of the source calls it. */
    @Override
    void close();
}
