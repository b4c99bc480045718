package org.groundtruth.core;

/** Who may see an item: public material, sensitive (names, faces), restricted (never published). */
public enum Sensitivity implements Coded {
    PUBLIC, SENSITIVE, RESTRICTED
}
