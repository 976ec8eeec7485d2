package lab.mobilenet.app.ui.classify;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.image.Image;
import lab.mobilenet.engine.image.RgbImage;

/**
 * The JavaFX images of the cards (photo, crops, heat maps), made once per picture instead of on every card
 * update: a card is rebuilt each time one of its networks finishes, and its pictures are the same immutable
 * snapshots every time. Keyed by the snapshot's identity. Each {@link #nextUpdate()} starts a generation; an
 * image not asked for during two updates is dropped (its card was removed or got a new photo). FX thread only.
 */
final class CardImages {
    private Map<Object, Image> previous = new IdentityHashMap<>();
    private Map<Object, Image> current = new IdentityHashMap<>();

    /** Called once before each rebuild of the cards. */
    void nextUpdate() {
        previous = current;
        current = new IdentityHashMap<>();
    }

    Image of(RgbImage picture) {
        return get(picture, () -> FxImages.of(picture));
    }

    /** The heat map over its crop (a map belongs to one crop: a new photo has new maps). */
    Image overlay(RgbImage crop, HeatMap map) {
        return get(map, () -> FxImages.of(HeatOverlay.argb(crop, map), crop.width(), crop.height()));
    }

    private Image get(Object key, Supplier<Image> make) {
        Image image = current.get(key);
        if (image == null) {
            image = previous.remove(key);
            if (image == null) {
                image = make.get();
            }
            current.put(key, image);
        }
        return image;
    }
}
