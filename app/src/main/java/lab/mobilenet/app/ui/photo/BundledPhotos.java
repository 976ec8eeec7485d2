package lab.mobilenet.app.ui.photo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The sample photos that travel inside the jar under {@code /assets/images/} (see {@code assets/README.md}).
 * The list is fixed here because a class path cannot be listed reliably inside a shaded jar.
 */
public final class BundledPhotos {

    /** File names, the default (a cat, which every kernel makes interesting) first. */
    public static final List<String> NAMES = List.of("chelsea.png", "coffee.png", "astronaut.png", "rocket.jpg",
            "coins.png", "camera.png", "brick.png", "hubble_deep_field.jpg");

    private static final String ROOT = "/assets/images/";

    private BundledPhotos() {
    }

    /** The default photo's name. */
    public static String defaultName() {
        return NAMES.get(0);
    }

    /** Whether the photo is on the class path (false when running from sources without the assets). */
    public static boolean available(String name) {
        return BundledPhotos.class.getResource(ROOT + name) != null;
    }

    /** Decodes a bundled photo; blocking. */
    public static Photo load(String name) {
        if (!NAMES.contains(name)) {
            throw new PhotoException("no bundled photo called " + name);
        }
        try (InputStream in = BundledPhotos.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new PhotoException("bundled photo missing from the class path: " + name);
            }
            return PhotoDecoder.decode(name, in);
        } catch (IOException e) {
            throw new PhotoException("cannot read bundled photo " + name + ": " + e.getMessage(), e);
        }
    }
}
