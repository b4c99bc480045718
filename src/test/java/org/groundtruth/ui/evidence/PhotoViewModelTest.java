package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.groundtruth.media.SharedMedia;
import org.junit.jupiter.api.Test;

class PhotoViewModelTest {
    private final PhotoViewModel vm = new PhotoViewModel(new InlineBackground());

    @Test
    void decodesThePhotoForViewing() {
        vm.open(SharedMedia.file("jpg/Apple iPhone 6.jpg"));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.image()).hasValueSatisfying(i -> {
            assertThat(i.getWidth()).isEqualTo(3264);
            assertThat(i.getHeight()).isEqualTo(2448);
        });
        assertThat(vm.displayImageProperty().get()).isSameAs(vm.image().get());
        assertThat(vm.sizeNoteProperty().get()).isEmpty();
        assertThat(vm.fitToViewProperty().get()).isTrue();
    }

    @Test
    void webpIsShownToo() {
        vm.open(SharedMedia.file("webp/HTC Desire.webp"));
        assertThat(vm.image()).hasValueSatisfying(i -> assertThat(i.getWidth()).isEqualTo(776));
    }

    @Test
    void aDecompressionBombIsRefusedWithAMessage() {
        vm.open(Path.of("src/test/resources/media/bomb-100000x100000.png"));
        assertThat(vm.image()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("bomb-100000x100000.png cannot be shown: declares 100000x100000 pixels")
                .contains("possible decompression bomb");
        vm.open(SharedMedia.file("jpg/Issue 508.jpg")); // and the viewer still works
        assertThat(vm.image()).isPresent();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void rotationFlipsAndLimitsAreViewOnly() {
        vm.open(SharedMedia.file("jpg/HTC Desire.jpg"));
        BufferedImage original = vm.image().orElseThrow();
        vm.rotateLeft();
        assertThat(vm.quarterTurnsProperty().get()).isEqualTo(3);
        vm.rotateRight();
        vm.rotateRight();
        assertThat(vm.quarterTurnsProperty().get()).isEqualTo(1);
        vm.flipHorizontally();
        assertThat(vm.flipHorizontalProperty().get()).isTrue();
        vm.magnifierPowerProperty().set(50);
        assertThat(vm.magnifierPowerProperty().get()).isEqualTo(20);
        vm.changeMagnifierPower(-30);
        assertThat(vm.magnifierPowerProperty().get()).isEqualTo(2);
        vm.zoomProperty().set(1000);
        assertThat(vm.zoomProperty().get()).isEqualTo(PhotoViewModel.MAX_ZOOM);
        vm.brightnessProperty().set(3);
        assertThat(vm.brightnessProperty().get()).isEqualTo(1);
        vm.zoomIn();
        assertThat(vm.fitToViewProperty().get()).isFalse();

        vm.sharpenProperty().set(1);
        BufferedImage sharpened = vm.displayImageProperty().get();
        assertThat(sharpened).isNotSameAs(original);
        assertThat(sharpened.getWidth()).isEqualTo(original.getWidth());
        int differing = 0;
        for (int y = 1; y < original.getHeight() - 1; y += 3) {
            for (int x = 1; x < original.getWidth() - 1; x += 3) {
                differing += (sharpened.getRGB(x, y) & 0xffffff) != (original.getRGB(x, y) & 0xffffff) ? 1 : 0;
            }
        }
        assertThat(differing).as("sharpening changes the shown copy").isPositive();
        assertThat(vm.image().get()).isSameAs(original);

        vm.resetView();
        assertThat(vm.quarterTurnsProperty().get()).isZero();
        assertThat(vm.flipHorizontalProperty().get()).isFalse();
        assertThat(vm.brightnessProperty().get()).isZero();
        assertThat(vm.displayImageProperty().get()).isSameAs(original);
        assertThat(vm.fitToViewProperty().get()).isTrue();
    }
}
