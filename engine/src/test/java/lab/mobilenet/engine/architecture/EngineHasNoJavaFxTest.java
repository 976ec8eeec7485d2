package lab.mobilenet.engine.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine must run headless and under the lessons: no JavaFX in its sources or its compiled classes. */
class EngineHasNoJavaFxTest {

    @Test
    void noSourceOrClassOfTheEngineMentionsJavaFx() throws IOException {
        List<Path> offenders;
        long scanned;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("target/classes")))) {
            List<Path> all = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".class")).toList();
            scanned = all.stream().filter(p -> p.toString().endsWith(".class")).count();
            offenders = all.stream().filter(EngineHasNoJavaFxTest::mentionsJavaFx).toList();
        }
        assertTrue(scanned > 20, "compiled classes were scanned: " + scanned);
        assertEquals(List.of(), offenders);
    }

    private static boolean mentionsJavaFx(Path p) {
        try {
            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            return text.contains("javafx/") || text.contains("javafx.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
