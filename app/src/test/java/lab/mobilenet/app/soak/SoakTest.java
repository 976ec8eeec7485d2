package lab.mobilenet.app.soak;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.app.ui.photo.PhotoDecoder;
import lab.mobilenet.engine.classify.Classification;
import lab.mobilenet.engine.classify.Classifier;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ImageLoader;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonSession;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One process working for a long time, as a classroom afternoon would: it classifies the photos over and
 * over (MobileNetV2 and V3-Small) and, between photos, steps a lesson 200 times (a new lesson on the current
 * photo every 2 photos, all nine in turn, so every lesson has run within the warm-up; the block lessons running the real network with activation
 * snapshots). Every
 * {@code soak.sampleSeconds} it samples the resident memory ({@code VmRSS} of /proc/self/status: Java heap,
 * ND4J's off-heap buffers and everything else) and prints the curve. After the first quarter (warm-up:
 * JIT, ND4J caches, heap sizing) resident memory must stay within {@code soak.maxGrowthMb} of its
 * warmed-up level.
 *
 * <p>Not in the default build: {@code mvn -pl app -am test -Psoak -Dsoak.minutes=10} (default 10 minutes;
 * {@code -Dsoak.photos=DIR} for other photos, default {@code assets/images}).
 */
@Tag("soak")
class SoakTest {

    private static List<Path> photos(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|webp|bmp|gif)$"))
                    .sorted().toList();
        }
    }

    @Test
    void memoryStaysFlatOverALongSessionOfClassifyingAndStepping() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        double sampleSeconds = Double.parseDouble(System.getProperty("soak.sampleSeconds",
                String.valueOf(Math.max(1, minutes * 60 / 40))));
        long maxGrowthMb = Long.parseLong(System.getProperty("soak.maxGrowthMb", "150"));
        boolean trim = Boolean.getBoolean("soak.trim"); // return glibc's free memory at every sample
        if (!Boolean.getBoolean("soak.noAppTrim")) {
            lab.mobilenet.app.ui.concurrent.NativeHeapTrimmer.start(10); // as the app does at start
        }
        long baselineAt = System.nanoTime() + (long) (minutes * 15e9); // NMT baseline after the first quarter
        boolean baselined = false;
        List<Path> photos = photos(Path.of(System.getProperty("soak.photos", "../assets/images")));
        assertFalse(photos.isEmpty(), "no photos to classify");

        Network v2 = NetworkBuilder.build(Architecture.MOBILENET_V2, 1.0);
        Network v3 = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 1.0);
        PreprocessConfig c2 = PretrainedConfigs.forArchitecture(Architecture.MOBILENET_V2);
        PreprocessConfig c3 = PretrainedConfigs.forArchitecture(Architecture.MOBILENET_V3_SMALL);
        List<Lesson> lessons = LessonCatalog.all();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long nextSample = System.nanoTime();
        long start = System.nanoTime();
        // {seconds, rss KB, heap used KB, JavaCPP KB, classified, steps, heap committed KB}
        List<long[]> curve = new ArrayList<>();
        long classified = 0;
        long steps = 0;
        System.out.printf(Locale.ROOT, "soak: %d photos, %.1f min, sample every %.0f s%n", photos.size(), minutes,
                sampleSeconds);
        System.out.println("soak:   t(s)   RSS(MB)  heap(MB)  javacpp(MB)  classified  lesson steps  heap committed(MB)"
                + "  NMT committed(MB)  RSS-NMT(MB)  ND4J buffers  trimmed(MB)");
        try (Weights w2 = SeededWeights.create(v2, 1); Weights w3 = SeededWeights.create(v3, 2)) {
            Classifier k2 = new Classifier(v2, w2);
            Classifier k3 = new Classifier(v3, w3);
            int i = 0;
            LessonSession session = null;
            while (System.nanoTime() < end) {
                Path file = photos.get(i % photos.size());
                ModelInput in2 = Preprocessor.prepare(ImageLoader.load(file), c2);
                Classification a = k2.classify(in2.tensor(), in2.shape(), 5, CancellationToken.NEVER);
                ModelInput in3 = Preprocessor.prepare(ImageLoader.load(file), c3);
                Classification b = k3.classify(in3.tensor(), in3.shape(), 5, CancellationToken.NEVER);
                assertTrue(a.top().get(0).probability() >= 0 && b.top().get(0).probability() >= 0);
                classified += 2;
                if (session == null || i % 2 == 0) { // a new lesson on this photo every 2 photos
                    Photo photo = PhotoDecoder.decode(file);
                    Lesson lesson = lessons.get(i / 2 % lessons.size());
                    session = LessonCatalog.session(lesson, photo.planes(),
                            lab.mobilenet.lessons.LessonOptions.DEFAULTS.withPhoto(photo.full()));
                    session.setGranularity(Granularity.PIXEL);
                }
                for (int s = 0; s < 200; s++, steps++) {
                    if (!session.next()) {
                        session.home();
                    }
                }
                i++;
                if (System.nanoTime() >= nextSample) {
                    long[] trimmed = trim ? MemoryProbe.trimNativeHeap() : null;
                    long rss = MemoryProbe.rssKb();
                    Map<String, Long> nmt = MemoryProbe.nativeMemoryKb();
                    long nmtTotal = nmt.getOrDefault("Total", 0L);
                    long[] row = {(System.nanoTime() - start) / 1_000_000_000L, rss,
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024,
                        Pointer.totalBytes() / 1024, classified, steps, Runtime.getRuntime().totalMemory() / 1024};
                    curve.add(row);
                    System.out.printf(Locale.ROOT, "soak: %6d  %8.1f  %8.1f  %10.1f  %10d  %12d  %10.1f  %10.1f  %10.1f"
                            + "  %8d  %8.1f%n", row[0], row[1] / 1024.0, row[2] / 1024.0, row[3] / 1024.0, row[4], row[5],
                            row[6] / 1024.0, nmtTotal / 1024.0, (rss - nmtTotal) / 1024.0, MemoryProbe.liveNd4jBuffers(),
                            trimmed == null ? 0 : (trimmed[0] - trimmed[1]) / 1024.0);
                    System.out.println("soak-nmt: " + row[0] + " s " + nmt + " javacpp physical "
                            + Pointer.physicalBytes() / 1024 + " KB");
                    if (!baselined && System.nanoTime() >= baselineAt) {
                        MemoryProbe.nativeMemoryBaseline();
                        baselined = true;
                    }
                    nextSample += (long) (sampleSeconds * 1e9);
                }
            }
        }
        System.out.println("soak-nmt: diff since the first quarter:\n" + MemoryProbe.nativeMemoryDiff());
        assertTrue(curve.size() >= 4, "too short to judge: " + curve.size() + " samples");
        long warmed = curve.get(curve.size() / 4)[1];
        long peakAfter = curve.subList(curve.size() / 4, curve.size()).stream().mapToLong(r -> r[1]).max().orElseThrow();
        long last = curve.get(curve.size() - 1)[1];
        System.out.printf(Locale.ROOT, "soak: RSS warmed %.1f MB, peak after %.1f MB, last %.1f MB; %d classified,"
                + " %d lesson steps%n", warmed / 1024.0, peakAfter / 1024.0, last / 1024.0, classified, steps);
        assertTrue(peakAfter - warmed <= maxGrowthMb * 1024, "resident memory grew by "
                + (peakAfter - warmed) / 1024 + " MB after warm-up (bound " + maxGrowthMb + " MB)");
    }
}
