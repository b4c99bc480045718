package org.groundtruth.map.imagery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;

/**
 * An online tile service ({@code https://host/{z}/{x}/{y}.png}; see {@link TileUrlTemplate} for TMS, quadkey and
 * subdomain templates), used only when the investigator adds it.
 * Every fetched tile is kept in a disk cache (in the workspace) and served from there afterwards, so an area
 * once seen stays available offline. Any HTTP error or timeout is an {@link IOException}: the loader shows a
 * placeholder and retries with backoff.
 */
public final class XyzTileSource implements TileSource {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private final TileUrlTemplate template;
    private final String name;
    private final String attribution;
    private final int maxZoom;
    private final DiskTileCache cache;
    private final String cacheFolder;
    private final HttpClient http;
    private final Duration requestTimeout;

    private XyzTileSource(TileUrlTemplate template, String name, String attribution, int maxZoom, DiskTileCache cache,
            String cacheFolder, Duration requestTimeout) {
        this.template = template;
        this.name = name;
        this.attribution = attribution;
        this.maxZoom = maxZoom;
        this.cache = cache;
        this.cacheFolder = cacheFolder;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * @param cacheRoot the workspace's tile cache folder; each service gets a subfolder named by a hash of its URL
     * @throws BadInputException when the template is not an http(s) URL with {z}, {x} and {y}
     */
    public static XyzTileSource create(String template, String attribution, int maxZoom, Path cacheRoot) {
        return create(template, attribution, maxZoom, cacheRoot, REQUEST_TIMEOUT);
    }

    static XyzTileSource create(String template, String attribution, int maxZoom, Path cacheRoot, Duration requestTimeout) {
        TileUrlTemplate parsed = TileUrlTemplate.parse(template);
        if (maxZoom < 0 || maxZoom > WebMercator.MAX_ZOOM) {
            throw new BadInputException("Maximum zoom must be between 0 and " + WebMercator.MAX_ZOOM + ", was " + maxZoom);
        }
        return new XyzTileSource(parsed, parsed.host(), attribution == null ? "" : attribution.strip(), maxZoom,
                DiskTileCache.at(cacheRoot), hash(parsed.text()), requestTimeout);
    }

    public String template() {
        return template.text();
    }

    public Path cacheDirectory() {
        return cache.root().resolve(cacheFolder);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String attribution() {
        return attribution.isEmpty() ? name : attribution;
    }

    @Override
    public int minZoom() {
        return 0;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public GeoBox bounds() {
        return GeoBox.WORLD;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) throws IOException {
        return TileImages.decode(tileBytes(key), name + " tile " + key);
    }

    /** The encoded tile: from the disk cache if there, else fetched and cached (within the cache's size limit). */
    public byte[] tileBytes(TileKey key) throws IOException {
        String relative = cacheFolder + "/" + key.zoom() + "/" + key.x() + "/" + key.y() + ".tile";
        Optional<byte[]> cached = cache.read(relative);
        if (cached.isPresent()) {
            return cached.get();
        }
        byte[] bytes = fetch(key);
        cache.write(relative, bytes);
        return bytes;
    }

    private byte[] fetch(TileKey key) throws IOException {
        if (org.groundtruth.map.NetworkPolicy.isOfflineOnly()) {
            throw new IOException(name + " tile " + key + ": not cached, and Settings block network requests (offline only)");
        }
        URI uri = template.uri(key);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("User-Agent", "Groundtruth/0.1 (offline OSINT workbench)").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        }
        if (response.body().length == 0) {
            throw new IOException("empty response for " + uri);
        }
        return response.body();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public void close() {
        // HttpClient holds no resources that need closing on Java 17
    }
}
