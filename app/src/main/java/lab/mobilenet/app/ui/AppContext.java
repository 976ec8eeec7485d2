package lab.mobilenet.app.ui;

import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.shell.EngineWarmup;

/**
 * What the window is built from, injectable so tests can run the real UI with same-thread executors and a
 * quick engine stand-in.
 *
 * @param executors  compute and UI executors
 * @param i18n       current language
 * @param engineLoad the blocking engine warm-up, run in the background after the window shows
 */
public record AppContext(UiExecutors executors, I18n i18n, Runnable engineLoad) {

    /** Daemon compute threads, the system language, and ND4J warm-up. */
    public static AppContext production() {
        return new AppContext(UiExecutors.production(), I18n.ofSystemLocale(), EngineWarmup.nd4j());
    }
}
