package org.groundtruth.store;

/** The investigation's database or vault could not be read or written (disk, permissions, corruption). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
