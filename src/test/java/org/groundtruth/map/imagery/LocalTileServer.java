package org.groundtruth.map.imagery;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * An XYZ tile server on loopback for tests: {@code /ok/z/x/y.png} answers a PNG, {@code /missing/...} 404,
 * {@code /broken/...} 500, {@code /slow/...} waits until released, {@code /flaky/...} fails twice then works,
 * {@code /big/...} answers {@value #BIG_TILE_BYTES} bytes (for cache size tests; not an image).
 */
final class LocalTileServer implements AutoCloseable {
    static final int BIG_TILE_BYTES = 100_000;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> lastPath = new java.util.concurrent.atomic.AtomicReference<>("");
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    LocalTileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-tile-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            lastPath.set(path);
            int status = 200;
            byte[] body = new byte[0];
            if (path.startsWith("/missing/")) {
                status = 404;
            } else if (path.startsWith("/broken/")) {
                status = 500;
            } else if (path.startsWith("/flaky/") && flakyCalls.incrementAndGet() <= 2) {
                status = 503;
            } else {
                if (path.startsWith("/slow/")) {
                    try {
                        releaseSlow.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                body = path.startsWith("/big/") ? new byte[BIG_TILE_BYTES] : png(path);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException closedByClient) {
                // the client gave up (timeout): nothing to do
            }
        });
        server.start();
    }

    String template(String kind) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/{z}/{x}/{y}.png";
    }

    /** The path of the last request, e.g. {@code /ok/5/18/11.png}. */
    String lastPath() {
        return lastPath.get();
    }

    int requests() {
        return requests.get();
    }

    void releaseSlowRequests() {
        releaseSlow.countDown();
    }

    /** A tile whose colour encodes its path, so tests can tell tiles apart. */
    private static byte[] png(String path) {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(path.hashCode() & 0xFFFFFF));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
    }
}
