package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import lab.mobilenet.app.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

/** Every Classify text exists in English, Chinese and Korean, and the patterns with arguments format as meant. */
class ClassifyTextsTest {

    private static Set<String> classifyKeys(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ClassifyTextsTest.class.getResourceAsStream(
                "/lab/mobilenet/app/i18n/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("classify.")) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Test
    void chineseAndKoreanHaveEveryClassifyKeyEnglishHas() throws Exception {
        Set<String> en = classifyKeys("");
        assertTrue(en.size() > 40, "the page's texts are in the bundle");
        assertEquals(en, classifyKeys("_zh"));
        assertEquals(en, classifyKeys("_ko"));
    }

    @Test
    void anApostropheSurvivesMessageFormat() {
        String s = I18n.lookup(Locale.ENGLISH, "classify.untrained-detail", "mobilenetv3_large_100");
        assertTrue(s.contains("for mobilenetv3_large_100 on"), s);
        assertTrue(s.contains("a seeded network's answers"), s);
        assertEquals("All four agree: tabby", I18n.lookup(Locale.ENGLISH, "classify.agree-all", "tabby"));
    }
}
