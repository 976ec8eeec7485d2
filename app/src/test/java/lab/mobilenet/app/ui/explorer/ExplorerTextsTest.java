package lab.mobilenet.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Explorer text the code asks for exists in English, 中文 and 한국어. */
class ExplorerTextsTest {

    private static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(ExplorerTextsTest.class.getResourceAsStream(
                "/lab/mobilenet/app/i18n/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> explorerKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("explorer.")) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Test
    void theThreeLanguagesHaveTheSameExplorerKeys() throws Exception {
        Set<String> en = explorerKeys(load(""));
        assertTrue(en.size() > 40);
        assertEquals(en, explorerKeys(load("_zh")));
        assertEquals(en, explorerKeys(load("_ko")));
    }

    @Test
    void everyLiteralKeyInTheExplorerCodeIsDefined() throws Exception {
        Set<String> en = explorerKeys(load(""));
        Pattern literal = Pattern.compile("\"(explorer\\.[a-z.\\-]+[a-z])\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/lab/mobilenet/app/ui/explorer"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.contains(m.group(1)) && !m.group(1).endsWith(".")) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
