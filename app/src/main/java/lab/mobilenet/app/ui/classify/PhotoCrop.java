package lab.mobilenet.app.ui.classify;

import java.util.List;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;

/**
 * A square picture some networks actually saw: the photo resized (shorter side to 256, Pillow-exact bicubic)
 * and centre-cropped to 224, as each network's pretrained config says. The four default configs share the
 * geometry (they differ only in normalisation), so usually one crop serves all four.
 *
 * @param image    the crop's pixels
 * @param networks the networks that saw exactly these pixels
 */
public record PhotoCrop(RgbImage image, List<Architecture> networks) {

    public PhotoCrop {
        networks = List.copyOf(networks);
    }
}
