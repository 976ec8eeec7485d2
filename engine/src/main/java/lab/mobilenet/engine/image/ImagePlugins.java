package lab.mobilenet.engine.image;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Makes sure the ImageIO plugins on the class path (TwelveMonkeys JPEG and WebP) are registered,
 * also when the first ImageIO call happened under another context class loader (JavaFX, test runners).
 */
final class ImagePlugins {
    private static volatile boolean registered;

    private ImagePlugins() {
    }

    static void ensureRegistered() {
        if (!registered) {
            synchronized (ImagePlugins.class) {
                if (!registered) {
                    ImageIO.scanForPlugins();
                    registered = true;
                }
            }
        }
    }

    /** The lower-case format names ImageIO can read now, sorted, without duplicates. */
    static List<String> formatNames() {
        return Arrays.stream(ImageIO.getReaderFormatNames())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toList();
    }
}
