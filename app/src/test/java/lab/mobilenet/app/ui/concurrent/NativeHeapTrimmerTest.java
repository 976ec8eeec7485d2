package lab.mobilenet.app.ui.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeHeapTrimmerTest {

    /** On Linux with glibc (what CI and this project's machines run) JDK 17's command trims and says by how much. */
    @Test
    void onGlibcTheJvmTrimsAndReportsTheResidentSizeBeforeAndAfter() throws Exception {
        boolean glibc = System.getProperty("os.name").startsWith("Linux")
                && Files.exists(Path.of("/proc/self/maps"))
                && Files.readString(Path.of("/proc/self/maps")).contains("libc.so.6");
        Optional<String> answer = NativeHeapTrimmer.trimOnce();
        assertEquals(glibc, answer.isPresent(), answer.orElse("no answer"));
        answer.ifPresent(a -> assertTrue(a.matches("(?s).*\\d+[KMG]->\\d+[KMG].*"), a));
    }
}
