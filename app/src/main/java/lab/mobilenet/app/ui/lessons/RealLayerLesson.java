package lab.mobilenet.app.ui.lessons;

import lab.mobilenet.lessons.RealLayer;

/**
 * A real network layer to step in its lesson, with what the lesson header says about where it came from.
 *
 * @param layer   the layer cut down around the chosen point (input crop and kernels of the real network)
 * @param network the network's name as the Explorer shows it, e.g. "MobileNet V2"
 * @param trained whether the kernels are the pretrained ones (else the untrained, seeded initialisation)
 */
public record RealLayerLesson(RealLayer layer, String network, boolean trained) {

    public RealLayerLesson {
        if (layer == null || network == null) {
            throw new IllegalArgumentException("a real layer lesson needs the layer and its network's name");
        }
    }

    /** Output row at the centre of the stepped window. */
    public int centreRow() {
        return layer.outRow() + layer.outHeight() / 2;
    }

    /** Output column at the centre of the stepped window. */
    public int centreCol() {
        return layer.outCol() + layer.outWidth() / 2;
    }
}
