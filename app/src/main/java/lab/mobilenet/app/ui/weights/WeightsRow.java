package lab.mobilenet.app.ui.weights;

import java.nio.file.Path;
import lab.mobilenet.engine.hub.DownloadProgress;
import lab.mobilenet.engine.hub.HubSource;

/**
 * One network on the Weights page, as an immutable snapshot: the view draws it, the view-model replaces it.
 *
 * @param source   where the network's weights come from on the hub
 * @param status   present, missing, downloading or failed
 * @param file     the file in use when present, else {@code null}
 * @param size     its bytes when present, else the size being downloaded (-1 unknown)
 * @param progress the latest progress while downloading, else {@code null}
 * @param message  one line: why the last download failed, or {@code null}
 */
public record WeightsRow(HubSource source, Status status, Path file, long size, DownloadProgress progress,
                         String message) {

    /** What the row shows. */
    public enum Status {
        PRESENT, MISSING, DOWNLOADING, FAILED;

        /** Resource key, e.g. {@code weights.status.present}. */
        public String key() {
            return "weights.status." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static WeightsRow missing(HubSource s) {
        return new WeightsRow(s, Status.MISSING, null, -1, null, null);
    }

    WeightsRow downloading(DownloadProgress p) {
        return new WeightsRow(source, Status.DOWNLOADING, null, p == null ? size : p.total(), p, null);
    }

    WeightsRow failed(String why) {
        return new WeightsRow(source, Status.FAILED, null, -1, null, why);
    }
}
