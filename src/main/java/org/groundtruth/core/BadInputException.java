package org.groundtruth.core;

/**
 * Input the user gave cannot be used (a missing file, an unknown id, a malformed date). The message is one
 * line that names the input; nothing has been changed when it is thrown.
 */
public class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
