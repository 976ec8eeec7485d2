package lab.mobilenet.app.ui.lessons;

import javafx.scene.shape.SVGPath;

/**
 * Transport icons as vector paths, so they show whatever fonts are installed (the ⏮ ⏯ ⏭ glyphs are missing
 * from most fonts). Drawn in a 20×20 box; CSS class {@code transport-icon} colours them.
 */
final class Icons {

    private Icons() {
    }

    static SVGPath first() {
        return icon("M3 3 H6 V17 H3 Z M17 3 L7 10 L17 17 Z");
    }

    static SVGPath back() {
        return icon("M15 3 L5 10 L15 17 Z");
    }

    static SVGPath forward() {
        return icon("M5 3 L15 10 L5 17 Z");
    }

    static SVGPath playPause() {
        return icon("M2 3 L10 10 L2 17 Z M12 3 H15 V17 H12 Z M17 3 H20 V17 H17 Z");
    }

    static SVGPath pause() {
        return icon("M5 3 H9 V17 H5 Z M11 3 H15 V17 H11 Z");
    }

    static SVGPath last() {
        return icon("M3 3 L13 10 L3 17 Z M14 3 H17 V17 H14 Z");
    }

    private static SVGPath icon(String d) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        p.getStyleClass().add("transport-icon");
        return p;
    }
}
