package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.groundtruth.map.imagery.XyzTileSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline-only setting: no request leaves the machine; cached tiles still show. */
class NetworkPolicyTest {
    @TempDir
    Path cache;

    @AfterEach
    void online() {
        NetworkPolicy.setOfflineOnly(false);
    }

    @Test
    void offlineOnlyBlocksEveryRequestButServesTheCache() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = {1, 2, 3};
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            XyzTileSource source = XyzTileSource.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/{z}/{x}/{y}.png", "test", 19, cache);
            NetworkPolicy.setOfflineOnly(true);
            assertThatThrownBy(() -> source.tileBytes(new TileKey(3, 4, 2))).hasMessageContaining("offline only");
            assertThat(requests.get()).isZero();

            NetworkPolicy.setOfflineOnly(false);
            assertThat(source.tileBytes(new TileKey(3, 4, 2))).containsExactly(1, 2, 3);
            NetworkPolicy.setOfflineOnly(true);
            assertThat(source.tileBytes(new TileKey(3, 4, 2))).as("from the disk cache").containsExactly(1, 2, 3);
            assertThat(requests.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
