package org.groundtruth.store;

/** A file changed while it was being imported (cut short, rewritten or replaced); nothing was stored. */
public final class SourceChangedException extends StoreException {
    public SourceChangedException(String message) {
        super(message, null);
    }
}
