package lab.mobilenet.app.ui.render;

/** Short names of input channels: R, G, B for an RGB photo, c0, c1, … otherwise. */
public final class Channels {

    private Channels() {
    }

    public static String name(int c, int channels) {
        if (channels == 3) {
            return switch (c) {
                case 0 -> "R";
                case 1 -> "G";
                default -> "B";
            };
        }
        return "c" + c;
    }
}
