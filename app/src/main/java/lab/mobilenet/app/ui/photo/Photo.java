package lab.mobilenet.app.ui.photo;

import lab.mobilenet.lessons.Planes;

/**
 * A decoded photo ready for the lessons: its display name and its RGB values in [0, 1], already reduced to
 * at most {@link PhotoDecoder#WORKING_SIDE} pixels on the longer side (lessons shrink it further).
 *
 * @param name   file name, shown in the UI
 * @param planes 3 × H × W values in [0, 1]
 */
public record Photo(String name, Planes planes) {

    public Photo {
        if (name == null || planes == null) {
            throw new IllegalArgumentException("a photo needs a name and pixels");
        }
        if (planes.channels() != 3) {
            throw new IllegalArgumentException("a photo has 3 channels, got " + planes.channels());
        }
    }
}
