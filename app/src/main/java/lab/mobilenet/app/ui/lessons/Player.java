package lab.mobilenet.app.ui.lessons;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Plays a lesson: on every screen pulse, steps the view-model when 1/speed seconds have passed. At
 * {@link #MAX_SPEED} it steps on every pulse, i.e. as fast as the screen draws. A pulse is skipped while the
 * previous step is still being computed, so steps never queue up; playing stops at the end.
 */
public final class Player {

    /** Slider value meaning "every frame". */
    public static final double MAX_SPEED = 60;

    private final LessonViewModel vm;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 4);
    private long lastStep;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };

    public Player(LessonViewModel vm) {
        this.vm = vm;
        playing.addListener((obs, was, now) -> {
            if (now) {
                lastStep = 0;
                timer.start();
            } else {
                timer.stop();
            }
        });
        vm.lessonProperty().addListener((obs, was, now) -> playing.set(false));
    }

    /** One screen pulse at {@code now} nanoseconds (package-private so tests can drive a fake clock). */
    void tick(long now) {
        var f = vm.frame();
        if (f != null && f.atEnd()) {
            playing.set(false);
            return;
        }
        if (vm.busyProperty().get()) {
            return;
        }
        double s = speed.get();
        if (s >= MAX_SPEED || lastStep == 0 || now - lastStep >= 1e9 / s) {
            lastStep = now;
            vm.next();
        }
    }

    public void toggle() {
        var f = vm.frame();
        if (!playing.get() && f != null && f.atEnd()) {
            vm.home();
        }
        playing.set(!playing.get());
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Steps per second, 1 … {@link #MAX_SPEED} (the latter: every frame). */
    public DoubleProperty speedProperty() {
        return speed;
    }
}
