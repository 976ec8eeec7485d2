package lab.mobilenet.app.cli;

import java.util.Locale;
import lab.mobilenet.engine.hub.DownloadProgress;

/** A one-line progress bar for a terminal: {@code name [#####.....]  45%  6.4 MB / 14.2 MB  2.1 MB/s}. */
final class TextProgressBar {

    private static final int WIDTH = 24;

    private TextProgressBar() {
    }

    static String render(String name, DownloadProgress p) {
        String rate = WeightsStore.size(Math.round(p.bytesPerSecond())) + "/s";
        if (p.total() <= 0) {
            return String.format(Locale.ROOT, "%s  %s  %s", name, WeightsStore.size(p.done()), rate);
        }
        int filled = (int) Math.round(p.fraction() * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s / %s  %s", name, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(p.fraction() * 100), WeightsStore.size(p.done()),
                WeightsStore.size(p.total()), rate);
    }
}
