package lab.mobilenet.app.ui.render;

/** Looks up a UI word by resource key in the current language (the painters never hold a bundle). */
@FunctionalInterface
public interface Words {

    String get(String key, Object... args);
}
