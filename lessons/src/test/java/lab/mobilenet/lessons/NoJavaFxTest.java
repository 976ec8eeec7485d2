package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lessons module must never depend on the UI toolkit: neither its sources nor its compiled classes. */
class NoJavaFxTest {

    private static final Pattern SOURCE_USE = Pattern.compile("\\bjavafx\\.");

    @Test
    void lessonSourcesNeverMentionAJavafxPackage() throws IOException, URISyntaxException {
        Path sources = classesDir().resolve("../../src/main/java").normalize();
        List<Path> files = list(sources, ".java");
        assertTrue(files.size() > 10, "expected the lesson sources under " + sources);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertFalse(SOURCE_USE.matcher(text).find(), f + " refers to a javafx package");
        }
    }

    @Test
    void compiledLessonClassesNeverReferenceJavafxTypes() throws IOException, URISyntaxException {
        List<Path> classes = list(classesDir(), ".class");
        assertTrue(classes.size() > 10, "expected compiled lesson classes");
        for (Path f : classes) {
            // internal names in the constant pool look like "javafx/scene/..."
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("javafx/"), f + " references a javafx type");
        }
    }

    private static Path classesDir() throws URISyntaxException {
        return Path.of(ConvTrace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
