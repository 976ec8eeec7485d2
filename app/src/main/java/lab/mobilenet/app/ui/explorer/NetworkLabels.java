package lab.mobilenet.app.ui.explorer;

import lab.mobilenet.engine.model.Architecture;

/** How the Explorer names a network to people (the same in every language: these are names). */
final class NetworkLabels {

    private NetworkLabels() {
    }

    static String of(Architecture a) {
        return switch (a) {
            case MOBILENET_V1 -> "MobileNet V1";
            case MOBILENET_V2 -> "MobileNet V2";
            case MOBILENET_V3_LARGE -> "MobileNet V3-Large";
            case MOBILENET_V3_SMALL -> "MobileNet V3-Small";
            default -> a.baseName();
        };
    }
}
