import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.classify.ClassifyCard;
import lab.mobilenet.app.ui.classify.ClassifyViewModel;
import lab.mobilenet.app.ui.classify.NetworkStatus;
import lab.mobilenet.app.ui.shell.MainWindow;
import lab.mobilenet.app.ui.shell.StartOptions;
import lab.mobilenet.engine.model.Architecture;

/**
 * Opens the app like {@code java -jar mobilenet-lab.jar --page=classify PHOTO...} and, once every card has settled,
 * asks for the V3-Small occlusion map of the first {@code --occlude=N} cards, as a click on their button would:
 * for screenshots of the Classify page (taken with ImageMagick's {@code import -window root}).
 *
 * <pre>java -cp app/target/mobilenet-lab.jar tools/ClassifyScreenshot.java --page=classify --occlude=1 a.png b.jpg</pre>
 */
public final class ClassifyScreenshot {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private boolean asked;

        @Override
        public void start(Stage stage) {
            StartOptions o = StartOptions.parse(getParameters().getNamed(), getParameters().getUnnamed());
            MainWindow w = MainWindow.open(stage, AppContext.production(o));
            int n = Integer.parseInt(getParameters().getNamed().getOrDefault("occlude", "0"));
            ClassifyViewModel vm = w.classifyPage().viewModel();
            vm.cards().addListener((ListChangeListener<ClassifyCard>) c -> {
                boolean ready = !vm.cards().isEmpty() && vm.cards().stream().allMatch(ClassifyCard::settled)
                        && vm.cards().stream().noneMatch(k -> k.columns().values().stream()
                        .anyMatch(col -> col.status() == NetworkStatus.UNTRAINED
                                && col.network() != Architecture.MOBILENET_V3_LARGE));
                if (ready && !asked && n > 0) {
                    asked = true;
                    System.err.println("ClassifyScreenshot: asking for " + n + " occlusion map(s)");
                    var ids = vm.cards().stream().filter(k -> !k.failed()).limit(n).map(ClassifyCard::id).toList();
                    // not inside this change notification: the list may not be changed while it is being reported
                    javafx.application.Platform.runLater(
                            () -> ids.forEach(id -> vm.occlude(id, Architecture.MOBILENET_V3_SMALL)));
                }
            });
        }
    }
}
