package org.groundtruth.store.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.groundtruth.core.BadInputException;

/**
 * What went wrong in a JSON record of a case file, in one line: the record's own validation message (a bad
 * post URL, a date out of range) rather than Jackson's "Cannot construct instance … at [Source: …; line: 1]"
 * spread over two lines; and strict UTF-8, so a bad byte is an error naming the file instead of a U+FFFD.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof JsonProcessingException || cause instanceof java.io.UncheckedIOException)) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** {@code bytes} as UTF-8 text, or a {@link BadInputException} naming {@code document}. */
    static String utf8(byte[] bytes, String document) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(document + " is not valid UTF-8 text");
        }
    }
}
