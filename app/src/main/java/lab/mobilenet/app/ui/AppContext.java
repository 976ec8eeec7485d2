package lab.mobilenet.app.ui;

import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
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
 */
public record AppContext(UiExecutors executors, I18n i18n, Runnable engineLoad, StartOptions start,
                         LocalCheckpoints checkpoints) {

    /** Daemon compute threads, the system language (unless the options name one), ND4J warm-up, the user's folders. */
    public static AppContext production(StartOptions start) {
        I18n i18n = start.language() == null ? I18n.ofSystemLocale() : new I18n(start.language());
        return new AppContext(UiExecutors.production(), i18n, EngineWarmup.nd4j(), start,
                LocalCheckpoints.ofThisUser());
    }
}
