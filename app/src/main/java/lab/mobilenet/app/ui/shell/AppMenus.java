package lab.mobilenet.app.ui.shell;

import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.lessons.LessonsPage;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.theme.Theme;

/** The menu bar: File (photos, export, quit) and View (theme, presenter mode, language). */
final class AppMenus {

    private final MainWindow window;
    private final I18n i18n;

    AppMenus(MainWindow window, I18n i18n) {
        this.window = window;
        this.i18n = i18n;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu fileMenu() {
        LessonsPage lessons = window.lessonsPage();
        MenuItem open = item("menu.file.open", "Shortcut+O");
        open.setOnAction(e -> {
            if (window.pageProperty().get() == Page.CLASSIFY) {
                window.classifyPage().chooseAndAddPhotos(window.stage());
            } else {
                lessons.chooseAndOpenPhoto(window.stage());
            }
        });
        Menu samples = menu("menu.file.samples");
        for (String name : BundledPhotos.NAMES) {
            MenuItem m = new MenuItem(name);
            m.setOnAction(e -> lessons.openBundledPhoto(name));
            samples.getItems().add(m);
        }
        MenuItem importWeights = item("menu.file.import-weights", "Shortcut+I");
        importWeights.setOnAction(e -> window.chooseAndImportWeights());
        MenuItem weightsPage = item("menu.file.weights", "Shortcut+Shift+W");
        weightsPage.setOnAction(e -> window.showWeights());
        MenuItem png = item("menu.file.export-png", "Shortcut+E");
        png.setOnAction(e -> lessons.chooseAndExportPng(window.stage()));
        MenuItem gif = item("menu.file.export-gif", "Shortcut+Shift+E");
        gif.setOnAction(e -> lessons.chooseAndExportGif(window.stage()));
        MenuItem quit = item("menu.file.quit", "Shortcut+Q");
        quit.setOnAction(e -> window.stage().close());
        Menu file = menu("menu.file");
        file.getItems().addAll(open, samples, importWeights, weightsPage, new SeparatorMenuItem(), png, gif, new SeparatorMenuItem(), quit);
        return file;
    }

    private Menu viewMenu() {
        Menu view = menu("menu.view");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem();
            r.textProperty().bind(i18n.text(t.nameKey()));
            r.setToggleGroup(themes);
            r.setSelected(window.themeProperty().get() == t);
            r.setOnAction(e -> window.themeProperty().set(t));
            window.themeProperty().addListener((obs, was, now) -> r.setSelected(now == t));
            view.getItems().add(r);
        }
        CheckMenuItem presenter = new CheckMenuItem();
        presenter.textProperty().bind(i18n.text("menu.view.presenter"));
        presenter.setAccelerator(KeyCombination.keyCombination("F11"));
        presenter.selectedProperty().bindBidirectional(window.presenterProperty());
        Menu language = menu("menu.view.language");
        ToggleGroup langs = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem r = new RadioMenuItem(I18n.lookup(l, "language.self"));
            r.setToggleGroup(langs);
            r.setSelected(i18n.locale().equals(l));
            r.setOnAction(e -> i18n.localeProperty().set(l));
            i18n.localeProperty().addListener((obs, was, now) -> r.setSelected(now.equals(l)));
            language.getItems().add(r);
        }
        view.getItems().addAll(new SeparatorMenuItem(), presenter, language);
        return view;
    }

    private Menu menu(String key) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.text(key));
        return m;
    }

    private MenuItem item(String key, String accelerator) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(i18n.text(key));
        m.setAccelerator(KeyCombination.keyCombination(accelerator));
        return m;
    }
}
