package org.groundtruth.core.casefile;

/**
 * Names inside a case file. The manifest lists every file except itself, the signature over it and the
 * signer's public key, which are checked by other means.
 */
public final class CaseFileLayout {
    /** Raised when the layout or a file's format changes in a way older readers would misread. */
    public static final int FORMAT_VERSION = 1;
    public static final String FORMAT_NAME = "groundtruth-case";

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "signer.pub";
    public static final String GEOJSON = "incidents.geojson";
    public static final String KML = "incidents.kml";
    public static final String CSV = "incidents.csv";
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_PDF = "report.pdf";
    public static final String GEOPACKAGE = "incidents.gpkg";
    public static final String CUSTODY = "custody.jsonl";
    public static final String RECORDS = "records.jsonl";
    public static final String EVIDENCE_DIR = "evidence/";

    private CaseFileLayout() {
    }

    /** The three files the manifest does not list. */
    public static boolean isSelfDescribing(String path) {
        return MANIFEST.equals(path) || SIGNATURE.equals(path) || PUBLIC_KEY.equals(path);
    }
}
