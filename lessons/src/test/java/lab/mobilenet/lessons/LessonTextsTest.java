package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LessonTextsTest {

    @Test
    void allThreeLanguagesDefineExactlyTheSameKeys() throws IOException {
        Set<String> en = load("lessons.properties").stringPropertyNames();
        assertEquals(new TreeSet<>(en), new TreeSet<>(load("lessons_zh.properties").stringPropertyNames()));
        assertEquals(new TreeSet<>(en), new TreeSet<>(load("lessons_ko.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyTheCodeHandsOutHasAText() {
        List<String> keys = new ArrayList<>();
        for (Lesson l : LessonCatalog.all()) {
            keys.add(l.titleKey());
            keys.add(l.textKey());
        }
        for (Granularity g : Granularity.values()) {
            keys.add(g.nameKey());
        }
        for (StageKind k : StageKind.values()) {
            keys.add(k.nameKey());
        }
        for (Kernel2d k : Kernels.all()) {
            keys.add(k.nameKey());
        }
        keys.add("kernel." + KernelBank.grayscale().labels().get(0));
        for (String role : List.of("standard", "depthwise", "pointwise", "grouped")) {
            keys.add("trace." + role);
        }
        for (Lesson l : LessonCatalog.all()) {
            LessonFrame f = LessonCatalog.session(l, Fixtures.image(1, 3, 20, 20)).frame();
            f.formulas().forEach(x -> keys.add(x.nameKey()));
            f.traces().forEach(t -> keys.add(t.roleKey()));
        }
        for (Locale loc : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.KOREAN)) {
            ResourceBundle b = LessonCatalog.bundle(loc);
            for (String k : keys) {
                assertTrue(b.containsKey(k), loc + " lacks " + k);
                assertFalse(b.getString(k).isBlank(), loc + " " + k);
            }
        }
    }

    @Test
    void chineseAndKoreanTextsAreTranslatedNotCopied() {
        for (Lesson l : LessonCatalog.all()) {
            String en = l.text(Locale.ENGLISH);
            assertNotEquals(en, l.text(Locale.CHINA), l.id());
            assertNotEquals(en, l.text(Locale.KOREA), l.id());
            assertTrue(l.text(Locale.CHINA).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), l.id());
            assertTrue(l.text(Locale.KOREA).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HANGUL), l.id());
        }
        assertEquals("Standard convolution", LessonCatalog.STANDARD.title(Locale.ENGLISH));
        assertEquals("标准卷积", LessonCatalog.STANDARD.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("표준 합성곱", LessonCatalog.STANDARD.title(Locale.KOREAN));
        assertEquals("Standard convolution", LessonCatalog.STANDARD.title(Locale.FRENCH)); // English fallback
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LessonTextsTest.class.getResourceAsStream("/lab/mobilenet/lessons/" + name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
