import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The smallest JavaFX app, the yardstick of tools/cold_start.py: a Stage with one Label, run from the same
 * shaded jar as MobileNet Lab (so the same JavaFX classes). The main class does not extend Application, as
 * Main does not: the java launcher refuses an Application main class when JavaFX is on the class path.
 */
public final class ColdStartHello {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("ColdStartHello");
            stage.setScene(new Scene(new Label("Hello"), 1200, 800));
            stage.show();
        }
    }
}
