package lab.mobilenet.engine.hub;

/**
 * An immutable progress report, safe to hand to another thread.
 *
 * @param done          bytes in the file so far (a resumed download starts above zero)
 * @param total         announced size, or -1 when unknown
 * @param bytesPerSecond average rate of this attempt
 */
public record DownloadProgress(long done, long total, double bytesPerSecond) {

    /** 0..1, or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, done / (double) total);
    }

    /** Receives reports on the downloading thread; keep it quick. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void progress(DownloadProgress p);
    }
}
