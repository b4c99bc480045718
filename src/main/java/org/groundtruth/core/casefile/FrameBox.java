package org.groundtruth.core.casefile;

import org.groundtruth.core.Require;
import org.groundtruth.core.verify.NormalizedBox;

/** A box to draw on a report frame, with the label written beside it (the insignia type, in the report's language). */
public record FrameBox(NormalizedBox box, String label) {
    public FrameBox {
        Require.present(box, "box");
        label = Require.text(label, "box label", 200);
    }
}
