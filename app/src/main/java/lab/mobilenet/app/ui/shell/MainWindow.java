package lab.mobilenet.app.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.classify.ClassifyPage;
import lab.mobilenet.app.ui.classify.ClassifyViewModel;
import lab.mobilenet.app.ui.classify.EngineClassifyBackend;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.explorer.ExplorerPage;
import lab.mobilenet.app.ui.lessons.KernelChoice;
import lab.mobilenet.app.ui.lessons.LessonsPage;
import lab.mobilenet.app.ui.theme.Styles;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.app.ui.weights.PretrainedWeights;
import java.util.concurrent.Executors;
import javafx.scene.layout.Priority;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.weights.FirstRunBar;
import lab.mobilenet.app.ui.weights.WeightsPage;
import lab.mobilenet.app.ui.weights.WeightsViewModel;
import lab.mobilenet.engine.hub.HubSource;

/**
 * The window: menu bar, navigation (Lessons, Explorer, Classify, Weights), the current page, and the status bar.
 * It owns the window-wide state (page, theme, presenter mode) and routes the lesson keys (Space, arrows,
 * Home/End) to the lessons page from a scene-level filter, so no focused control swallows them.
 */
public final class MainWindow {

    /** Window title in every language (the app's name is not translated). */
    public static final String TITLE = "MobileNet Lab";

    private final Stage stage;
    private final AppContext context;
    private final EngineWarmup warmup;
    private final StatusBar statusBar;
    private final LessonsPage lessonsPage;
    private final ClassifyPage classifyPage;
    private final PretrainedWeights weights;
    private final WeightsViewModel weightsViewModel;
    private final WeightsPage weightsPage;
    private final ExplorerPage explorerPage;
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.LESSONS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private final StackPane content = new StackPane();
    private final Scene scene;

    private MainWindow(Stage stage, AppContext context) {
        this.stage = stage;
        this.context = context;
        this.warmup = new EngineWarmup(context.engineLoad());
        this.statusBar = new StatusBar(context.i18n(), warmup);
        this.lessonsPage = new LessonsPage(context, statusBar, theme, presenter);
        this.weights = new PretrainedWeights(context.checkpoints(), context.executors());
        lessonsPage.viewModel().pretrainedProperty().bind(weights.loadedProperty());
        lessonsPage.setWeightsImporter(this::importWeights);
        statusBar.showWeights(weights.loadedProperty(), context.i18n());
        // trained weights need the engine: look for them once it is up, in the background
        warmup.stateProperty().addListener((obs, was, now) -> {
            if (now == EngineWarmup.State.READY) {
                weights.findInstalled(msg -> statusBar.error(context.i18n().get("weights.failed", msg)));
            }
        });
        pages.put(Page.LESSONS, lessonsPage);
        this.explorerPage = new ExplorerPage(context, statusBar, weights, theme);
        pages.put(Page.EXPLORER, explorerPage);
        // "Open in lesson": the Explorer's layer stepped on the lessons page, and back with the Explorer as it was
        explorerPage.setOnOpenLesson(real -> {
            page.set(Page.LESSONS);
            lessonsPage.viewModel().openRealLayer(real);
        });
        lessonsPage.setBackToExplorer(() -> page.set(Page.EXPLORER));
        // weights: the Weights page (download, import) and the first-run prompt when none are present
        this.weightsViewModel = new WeightsViewModel(context.checkpoints(), context.hub(), weights, context.executors(),
                Executors.newCachedThreadPool(UiExecutors.daemonThreads("mobilenet-lab-download")));
        weightsViewModel.setListener(new WeightsViewModel.Listener() {
            @Override
            public void downloaded(HubSource source, Path file) {
                statusBar.info(context.i18n().get("weights.downloaded", source.model()));
            }

            @Override
            public void failed(String line) {
                statusBar.error(context.i18n().get("weights.download-failed", line));
            }
        });
        this.weightsPage = new WeightsPage(weightsViewModel, context.i18n(), context.hub(),
                this::chooseAndImportWeights, this::importWeights);
        pages.put(Page.WEIGHTS, weightsPage);
        FirstRunBar firstRun = new FirstRunBar(weightsViewModel, context.i18n(), this::showWeights);
        weightsViewModel.refresh();
        // the "get weights" link opens the Weights page
        classifyPage = new ClassifyPage(new ClassifyViewModel(new EngineClassifyBackend(), context.executors()),
                context.executors(), context.i18n(), statusBar, this::showWeights);
        classifyPage.viewModel().weightsProperty().bind(weights.loadedProperty());
        classifyPage.setWeightsImporter(this::importWeights);
        pages.put(Page.CLASSIFY, classifyPage);
        // the Build page is made on its first visit (showPage): a third of a second less before the window shows

        BorderPane root = new BorderPane();
        root.setId("main-root");
        root.setTop(new AppMenus(this, context.i18n()).build());
        VBox nav = navigation();
        root.setLeft(nav);
        presenter.addListener((obs, was, now) -> root.setLeft(now ? null : nav));
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setCenter(new VBox(firstRun, content));
        root.setBottom(statusBar);
        page.addListener((obs, was, now) -> showPage(now));
        showPage(page.get());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // controls act on the release too (a slider's Home/End, a button's Space): swallow that half as well
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (page.get() == Page.LESSONS && !e.isShortcutDown() && !e.isAltDown()
                    && lessonsPage.isLessonKey(e.getCode())) {
                e.consume();
            }
        });
        theme.addListener((obs, was, now) -> restyle());
        presenter.addListener((obs, was, now) -> {
            stage.setFullScreen(now);
            restyle();
        });
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                presenter.set(false);
            }
        });
        stage.setFullScreenExitHint("");
        restyle();
    }

    /**
     * Builds the window on {@code stage}, shows it, and only then starts the engine warm-up in the
     * background, so the window appears within a second even on a cold start.
     */
    public static MainWindow open(Stage stage, AppContext context) {
        MainWindow w = new MainWindow(stage, context);
        stage.setTitle(TITLE);
        stage.setScene(w.scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.setMaximized(true);
        stage.show();
        w.warmup.start(context.executors().compute(), context.executors().ui());
        StartOptions o = context.start();
        w.theme.set(o.theme());
        boolean lessonsFirst = o.page() == null || o.page() == Page.LESSONS;
        // --steps and --position belong to the page that opens first
        w.lessonsPage.start(o.lessonId(), o.photo(), o.granularity(), lessonsFirst ? o.position() : 0,
                lessonsFirst ? o.steps() : 0);
        if (o.learnedKernels()) {
            w.lessonsPage.viewModel().kernelsProperty().set(KernelChoice.LEARNED_V1_STEM);
        }
        if (o.presenter()) {
            w.presenter.set(true);
        }
        if (o.page() == Page.CLASSIFY) {
            w.page.set(Page.CLASSIFY);
            // queued once the engine is up, so the first measured times do not include its loading
            w.afterWarmup(() -> w.classifyPage.addPhotos(o.photos()));
        }
        if (o.page() == Page.EXPLORER) {
            w.explorerPage.activate(o.model(), o.photo(), o.steps());
            w.page.set(Page.EXPLORER);
            if (o.openLayer() != null) {
                w.explorerPage.openLayerOnceRun(o.openLayer(), o.steps() == 0);
            }
        }
        if (o.page() == Page.BUILD || o.page() == Page.WEIGHTS) {
            w.page.set(o.page());
        }
        return w;
    }

    /** Runs {@code r} on the UI thread once the engine warm-up has finished (at once if it has). */
    private void afterWarmup(Runnable r) {
        if (warmup.stateProperty().get() != EngineWarmup.State.LOADING) {
            r.run();
            return;
        }
        warmup.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends EngineWarmup.State> obs,
                                EngineWarmup.State was, EngineWarmup.State now) {
                if (now != EngineWarmup.State.LOADING) {
                    warmup.stateProperty().removeListener(this);
                    r.run();
                }
            }
        });
    }

    private VBox navigation() {
        VBox nav = new VBox();
        nav.getStyleClass().add("nav-bar");
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("nav-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.textProperty().bind(context.i18n().text(p.nameKey()));
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setSelected(p == page.get());
            b.setOnAction(e -> {
                page.set(p);
                b.setSelected(true);
            });
            b.setFocusTraversable(false);
            nav.getChildren().add(b);
        }
        page.addListener((obs, was, now) -> group.getToggles().get(now.ordinal()).setSelected(true));
        return nav;
    }

    private void showPage(Page p) {
        if (p == Page.EXPLORER) {
            explorerPage.activate(null, null, 0); // the first visit loads the photo and starts the run
        }
        if (p == Page.BUILD && !pages.containsKey(p)) {
            pages.put(p, new lab.mobilenet.app.ui.build.BuildNetPage(context.i18n(),
                    new lab.mobilenet.app.ui.build.BuildNetViewModel(context.executors())));
        }
        content.getChildren().setAll(pages.get(p));
    }

    private void restyle() {
        Styles.apply(scene, theme.get(), presenter.get());
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F11) {
            presenter.set(!presenter.get());
            e.consume();
            return;
        }
        if (page.get() == Page.CLASSIFY && e.isShortcutDown() && e.getCode() == KeyCode.V) {
            classifyPage.paste();
            e.consume();
            return;
        }
        if (page.get() == Page.EXPLORER && !e.isShortcutDown() && !e.isAltDown() && explorerPage.handleKey(e.getCode())) {
            e.consume();
            return;
        }
        if (page.get() == Page.LESSONS && !e.isShortcutDown() && !e.isAltDown() && lessonsPage.handleKey(e.getCode())) {
            e.consume();
        }
    }

    /** File → Import weights…: a timm {@code .safetensors} for one of the four width-1.0 MobileNets. */
    public void chooseAndImportWeights() {
        FileChooser fc = new FileChooser();
        fc.setTitle(context.i18n().get("menu.file.import-weights"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            importWeights(f.toPath());
        }
    }

    /** Binds {@code file} in the background; on success it is kept in the app's folder for next time. */
    public void importWeights(Path file) {
        I18n i18n = context.i18n();
        weights.importFile(file,
                a -> {
                    statusBar.info(i18n.get("weights.imported", file.getFileName(), PretrainedWeights.timmName(a)));
                    weightsViewModel.refresh();
                },
                msg -> statusBar.error(i18n.get("weights.import-failed", msg)));
    }

    /** Opens the Weights page (File → Weights…, the first-run prompt, links such as "untrained weights"). */
    public void showWeights() {
        page.set(Page.WEIGHTS);
    }

    public WeightsViewModel weightsViewModel() {
        return weightsViewModel;
    }

    public WeightsPage weightsPage() {
        return weightsPage;
    }

    public PretrainedWeights weights() {
        return weights;
    }

    public Stage stage() {
        return stage;
    }

    public AppContext context() {
        return context;
    }

    public EngineWarmup warmup() {
        return warmup;
    }

    public ClassifyPage classifyPage() {
        return classifyPage;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public ExplorerPage explorerPage() {
        return explorerPage;
    }

    public LessonsPage lessonsPage() {
        return lessonsPage;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }
}
