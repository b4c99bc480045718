package org.groundtruth.map.imagery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileSource;

/** Opens an imagery file the investigator brings, recognising it by content (not only by its extension). */
public final class ImageryFiles {
    private ImageryFiles() {
    }

    /** @throws MapFileException one line naming the file when it is missing, corrupt or of an unsupported kind */
    public static TileSource open(Path file) {
        if (!Files.exists(file)) {
            throw new MapFileException(file, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "is not a file");
        }
        byte[] head = readHead(file);
        if (isTiff(head)) {
            return GeoTiffSource.open(file);
        }
        if (SqliteFiles.hasSqliteHeader(file)) {
            boolean geoPackage;
            try (Connection c = SqliteFiles.openReadOnly(file, "SQLite tile")) {
                geoPackage = SqliteFiles.hasTable(c, "gpkg_contents");
            } catch (SQLException e) {
                throw new MapFileException(file, "corrupt SQLite file: " + e.getMessage(), e);
            }
            return geoPackage ? GeoPackageTileSource.open(file) : MbTilesSource.open(file);
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mbtiles") || lower.endsWith(".gpkg")) {
            throw new MapFileException(file, "corrupt file: no SQLite header");
        }
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            throw new MapFileException(file, "corrupt file: no TIFF header");
        }
        throw new MapFileException(file, "unsupported imagery format; use MBTiles, GeoPackage tiles or GeoTIFF");
    }

    private static boolean isTiff(byte[] head) {
        return head.length >= 4 && ((head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43) && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43)));
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new MapFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
