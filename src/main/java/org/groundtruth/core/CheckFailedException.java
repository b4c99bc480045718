package org.groundtruth.core;

/**
 * A check the action depends on failed (the custody log or the data does not verify, a case file's signer is not
 * trusted): the action did nothing. The command line exits 1; the message is one line naming what failed.
 */
public class CheckFailedException extends RuntimeException {
    public CheckFailedException(String message) {
        super(message);
    }
}
