package org.groundtruth.core.verify;

import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;

/** A rectangle in a frame as fractions of its width and height (0..1), so it survives rescaling. */
public record NormalizedBox(double x, double y, double width, double height) {
    public NormalizedBox {
        Require.finiteInRange(x, 0, 1, "box x");
        Require.finiteInRange(y, 0, 1, "box y");
        Require.finiteInRange(width, 0, 1, "box width");
        Require.finiteInRange(height, 0, 1, "box height");
        if (x + width > 1 + 1e-9 || y + height > 1 + 1e-9) {
            throw new InvalidInput("validation.boxOutside");
        }
    }
}
