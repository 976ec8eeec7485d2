package lab.mobilenet.app.ui.explorer;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Play: steps one layer about every {@link #PERIOD_NANOS}, never asking for the next layer before the
 * previous one has come back, and stops at the end of the network.
 */
final class ExplorerPlayer {

    static final long PERIOD_NANOS = 120_000_000L;

    private final ExplorerViewModel vm;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private long last;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };

    ExplorerPlayer(ExplorerViewModel vm) {
        this.vm = vm;
        playing.addListener((o, was, now) -> {
            if (now) {
                last = 0;
                timer.start();
            } else {
                timer.stop();
            }
        });
        vm.planProperty().addListener((o, a, b) -> playing.set(false));
    }

    void tick(long now) {
        if (vm.atEnd()) {
            playing.set(false);
            return;
        }
        if (!vm.stepPending() && (last == 0 || now - last >= PERIOD_NANOS)) {
            last = now;
            vm.next();
        }
    }

    void toggle() {
        playing.set(!playing.get());
    }

    BooleanProperty playingProperty() {
        return playing;
    }
}
