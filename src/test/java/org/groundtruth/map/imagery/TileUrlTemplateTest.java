package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.groundtruth.core.BadInputException;
import org.groundtruth.map.TileKey;
import org.junit.jupiter.api.Test;

/** The template forms investigators paste from QGIS, JOSM and providers' pages. */
class TileUrlTemplateTest {
    @Test
    void xyzPutsRowZeroAtTheTop() {
        assertThat(TileUrlTemplate.parse("https://tile.example.org/{z}/{x}/{y}.png").uri(new TileKey(5, 18, 11)))
                .hasToString("https://tile.example.org/5/18/11.png");
    }

    @Test
    void tmsCountsRowsFromTheBottom() {
        TileUrlTemplate tms = TileUrlTemplate.parse("https://tms.example.org/{z}/{x}/{-y}.png");
        assertThat(tms.uri(new TileKey(5, 18, 11))).hasToString("https://tms.example.org/5/18/20.png");
        assertThat(tms.uri(new TileKey(0, 0, 0))).hasToString("https://tms.example.org/0/0/0.png");
    }

    @Test
    void quadkeysFollowBingsScheme() {
        // Bing Maps Tile System documentation: tile (3, 5) at level 3 is quadkey "213".
        assertThat(TileUrlTemplate.quadkey(new TileKey(3, 3, 5))).isEqualTo("213");
        assertThat(TileUrlTemplate.parse("https://t.example.net/tiles/a{q}.jpeg").uri(new TileKey(3, 3, 5)))
                .hasToString("https://t.example.net/tiles/a213.jpeg");
    }

    @Test
    void subdomainsRotateButAreStablePerTile() {
        TileUrlTemplate osm = TileUrlTemplate.parse("https://{s}.tile.example.org/{z}/{x}/{y}.png");
        Set<String> hosts = new HashSet<>();
        for (int x = 0; x < 8; x++) {
            hosts.add(osm.uri(new TileKey(3, x, 2)).getHost());
        }
        assertThat(hosts).containsExactlyInAnyOrder("a.tile.example.org", "b.tile.example.org", "c.tile.example.org");
        assertThat(osm.uri(new TileKey(7, 40, 50))).isEqualTo(osm.uri(new TileKey(7, 40, 50)));
        assertThat(osm.host()).isEqualTo("a.tile.example.org");

        TileUrlTemplate listed = TileUrlTemplate.parse("https://mt{switch:0, 1,2,3}.example.com/{z}/{x}/{y}");
        assertThat(listed.uri(new TileKey(2, 1, 2)).getHost()).isEqualTo("mt3.example.com");
    }

    @Test
    void badTemplatesNameThemselves() {
        assertThatThrownBy(() -> TileUrlTemplate.parse("https://x/{z}/{x}.png")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("{y}").hasMessageContaining("https://x/{z}/{x}.png");
        assertThatThrownBy(() -> TileUrlTemplate.parse("file:///etc/{z}/{x}/{y}")).hasMessageContaining("http://");
        assertThatThrownBy(() -> TileUrlTemplate.parse("https://{switch:}.x.org/{z}/{x}/{y}"))
                .hasMessageContaining("subdomains");
        assertThatThrownBy(() -> TileUrlTemplate.parse("https://x y/{z}/{x}/{y}")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> TileUrlTemplate.parse("")).isInstanceOf(BadInputException.class);
    }
}
