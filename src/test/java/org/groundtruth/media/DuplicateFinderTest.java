package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.groundtruth.media.DuplicateFinder.HashedItem;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {
    @Test
    void pairsWithinTheDistanceClosestFirst() {
        HashedItem photo = new HashedItem("ev-1", "photo.jpg", List.of("ffff0000ffff0000"));
        HashedItem repost = new HashedItem("ev-2", "repost.jpg", List.of("ffff0000ffff0003"));
        HashedItem video = new HashedItem("ev-3", "strike.mp4", List.of("0123456789abcdef", "ffff0000ffff0000"));
        HashedItem other = new HashedItem("ev-4", "other.jpg", List.of("0000ffff0000ffff"));
        HashedItem unhashed = new HashedItem("ev-5", "notes.pdf", List.of());

        List<DuplicateFinder.DuplicatePair> pairs =
                new DuplicateFinder(DuplicateFinder.DEFAULT_MAX_DISTANCE).find(List.of(photo, repost, video, other, unhashed));

        assertThat(pairs).extracting(p -> p.first().id() + "~" + p.second().id() + ":" + p.distance())
                .containsExactly("ev-1~ev-3:0", "ev-1~ev-2:2", "ev-2~ev-3:2");
    }

    @Test
    void badHashesAreIgnoredAndDistanceIsChecked() {
        assertThat(new HashedItem("ev-1", "x", List.of("not-a-hash", "ABC")).hashes()).isEmpty();
        assertThatThrownBy(() -> new DuplicateFinder(40)).isInstanceOf(IllegalArgumentException.class);
    }
}
