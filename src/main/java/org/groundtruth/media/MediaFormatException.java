package org.groundtruth.media;

/** The content is not media this reader understands, or is too damaged to use; the message is one short line. */
public final class MediaFormatException extends RuntimeException {
    public MediaFormatException(String message) {
        super(message);
    }

    public MediaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
