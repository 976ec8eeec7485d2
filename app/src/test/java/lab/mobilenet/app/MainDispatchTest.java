package lab.mobilenet.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainDispatchTest {

    @Test
    void launchOptionsOpenTheWindowLikeNoArguments() {
        assertFalse(Main.LaunchDispatch.isCommand(new String[0]));
        assertFalse(Main.LaunchDispatch.isCommand(new String[] {"--lesson=groups"}));
        assertFalse(Main.LaunchDispatch.isCommand(new String[] {"--page=classify", "photo.jpg"}));
    }

    @Test
    void subcommandsAndHelpRunHeadless() {
        assertTrue(Main.LaunchDispatch.isCommand(new String[] {"summary", "--model", "mobilenetv2"}));
        assertTrue(Main.LaunchDispatch.isCommand(new String[] {"classify"}));
        assertTrue(Main.LaunchDispatch.isCommand(new String[] {"--help"}));
        assertTrue(Main.LaunchDispatch.isCommand(new String[] {"--version"}));
    }

    @Test
    void aPhotoPathIsNotACommand() {
        assertFalse(Main.LaunchDispatch.isCommand(new String[] {"holiday.jpg"}));
    }

    @Test
    void linuxWithoutDisplayOrWaylandHasNoDisplay() {
        assertFalse(Main.LaunchDispatch.hasDisplay(Map.of(), "Linux"));
        assertFalse(Main.LaunchDispatch.hasDisplay(Map.of("DISPLAY", " "), "Linux"));
        assertTrue(Main.LaunchDispatch.hasDisplay(Map.of("DISPLAY", ":0"), "Linux"));
        assertTrue(Main.LaunchDispatch.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
        assertTrue(Main.LaunchDispatch.hasDisplay(Map.of(), "Mac OS X"));
    }

    @Test
    void theNoDisplayLineNamesEveryHeadlessCommand() {
        for (Class<?> sub : lab.mobilenet.app.cli.Cli.class.getAnnotation(picocli.CommandLine.Command.class).subcommands()) {
            String name = sub.getAnnotation(picocli.CommandLine.Command.class).name();
            if (!name.equals("help")) {
                assertTrue(java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(Main.LaunchDispatch.NO_DISPLAY_MESSAGE).find(),
                        name + " missing from: " + Main.LaunchDispatch.NO_DISPLAY_MESSAGE);
            }
        }
    }
}
