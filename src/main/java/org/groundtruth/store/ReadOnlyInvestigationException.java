package org.groundtruth.store;

import java.nio.file.Path;

/**
 * A change was asked of an investigation opened read-only (its folder cannot be written: a write-protected USB
 * stick, a folder received from a colleague). Nothing was written.
 */
public final class ReadOnlyInvestigationException extends StoreException {
    public ReadOnlyInvestigationException(Path directory) {
        super("investigation " + directory + " is read-only (its folder cannot be written); nothing was changed."
                + " Copy the folder to a writable place to change it", null);
    }
}
