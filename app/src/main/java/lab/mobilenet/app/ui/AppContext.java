package lab.mobilenet.app.ui;

import lab.mobilenet.app.ui.concurrent.NativeHeapTrimmer;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.EngineWarmup;
import lab.mobilenet.app.ui.shell.StartOptions;

/**
 * What the window is built from, injectable so tests can run the real UI with same-thread executors and a
 * quick engine stand-in.
 *
 * @param executors  compute and UI executors
 * @param i18n       current language
 * @param engineLoad the blocking engine warm-up, run in the background after the window shows
 * @param start      where the window starts (lesson, photo, theme …)
 * @param checkpoints where trained weights are looked for and imported to (tests pass temporary folders)
 * @param hub         where the Weights page downloads from and to (tests pass a loopback endpoint)
 */
public record AppContext(UiExecutors executors, I18n i18n, Runnable engineLoad, StartOptions start,
                         LocalCheckpoints checkpoints, HubConfig hub) {

    /**
     * Without a hub: downloads are off ({@code HF_HUB_OFFLINE}), into {@code checkpoints}' hub cache, so a test
     * built this way never reaches the network.
     */
    public AppContext(UiExecutors executors, I18n i18n, Runnable engineLoad, StartOptions start,
                      LocalCheckpoints checkpoints) {
        this(executors, i18n, engineLoad, start, checkpoints, new HubConfig(URI.create(HubConfig.DEFAULT_ENDPOINT),
                checkpoints.hubCache(), null, true, Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    /** Daemon compute threads, the system language (unless the options name one), ND4J warm-up, the user's folders. */
    public static AppContext production(StartOptions start) {
        I18n i18n = start.language() == null ? I18n.ofSystemLocale() : new I18n(start.language());
        Path home = Path.of(System.getProperty("user.home"));
        HubConfig hub;
        try {
            hub = HubConfig.fromEnvironment(System.getenv(), home);
        } catch (IllegalArgumentException e) { // a malformed HF_ENDPOINT: say why, then run with downloads off
            System.err.println("warning: " + e.getMessage() + "; downloads are off until it is fixed");
            hub = new HubConfig(URI.create(HubConfig.DEFAULT_ENDPOINT), HubConfig.cacheFolder(System.getenv(), home),
                    null, true, Duration.ofSeconds(10), Duration.ofSeconds(10));
        }
        NativeHeapTrimmer.start(10); // a long session's resident size stays flat (see the class)
        return new AppContext(UiExecutors.production(), i18n, EngineWarmup.nd4j(), start,
                LocalCheckpoints.fromEnvironment(System.getenv(), home), hub);
    }
}
