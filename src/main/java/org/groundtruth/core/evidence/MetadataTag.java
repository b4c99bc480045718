package org.groundtruth.core.evidence;

import org.groundtruth.core.Require;

/** One raw tag as the reader found it: its group (EXIF IFD0, GPS, container, stream…), name and value as text. */
public record MetadataTag(String group, String name, String value) {
    public MetadataTag {
        group = Require.nonBlank(group, "tag group", 200);
        name = Require.nonBlank(name, "tag name", 500);
        value = Require.text(value, "tag value", 100_000);
    }
}
