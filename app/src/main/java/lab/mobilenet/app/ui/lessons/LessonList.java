package lab.mobilenet.app.ui.lessons;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.Lesson;

/** The list of lessons, numbered and titled in the current language; selecting one opens it. */
final class LessonList extends ListView<Lesson> {

    LessonList(LessonViewModel vm, I18n i18n) {
        super(vm.lessons());
        setId("lesson-list");
        getStyleClass().add("lesson-list");
        setFocusTraversable(false);
        setCellFactory(lv -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(lv.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(Lesson l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? "" : l.number() + ". " + i18n.get(l.titleKey()));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.lessonProperty().set(now);
            }
        });
        vm.lessonProperty().addListener((obs, was, now) -> {
            getSelectionModel().select(now);
            scrollTo(now);
        });
        i18n.localeProperty().addListener((obs, was, now) -> refresh());
    }
}
