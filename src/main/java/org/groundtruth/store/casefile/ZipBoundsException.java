package org.groundtruth.store.casefile;

import java.io.IOException;

/** A case file went past one of the {@link ZipLimits}: reading stops there. */
final class ZipBoundsException extends IOException {
    ZipBoundsException(String message) {
        super(message);
    }
}
