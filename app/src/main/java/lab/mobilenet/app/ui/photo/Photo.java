package lab.mobilenet.app.ui.photo;

import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.lessons.Planes;

/**
 * A decoded photo ready for the lessons: its display name, its RGB values in [0, 1] already reduced to at most
 * {@link PhotoDecoder#WORKING_SIDE} pixels on the longer side (lessons shrink it further), and the full decoded
 * image, which the block lessons (8, 9) resize to the network's input themselves.
 *
 * @param name   file name, shown in the UI
 * @param planes 3 × H × W values in [0, 1]
 * @param full   the photo at its decoded size, or {@code null} when only the small copy is known
 */
public record Photo(String name, Planes planes, RgbImage full) {

    /** A photo known only by its small copy. */
    public Photo(String name, Planes planes) {
        this(name, planes, null);
    }

    public Photo {
        if (name == null || planes == null) {
            throw new IllegalArgumentException("a photo needs a name and pixels");
        }
        if (planes.channels() != 3) {
            throw new IllegalArgumentException("a photo has 3 channels, got " + planes.channels());
        }
    }
}
