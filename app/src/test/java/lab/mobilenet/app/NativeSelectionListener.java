package lab.mobilenet.app;

import lab.mobilenet.engine.runtime.NativeSelection;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the native build as Main does, before any test loads ND4J: the app's class path holds the -avx2
 * libnd4j too, which JavaCPP would otherwise load on any CPU.
 */
public final class NativeSelectionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeSelection.apply();
    }
}
