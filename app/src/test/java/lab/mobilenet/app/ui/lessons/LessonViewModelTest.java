package lab.mobilenet.app.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import lab.mobilenet.app.export.FrameRenderer;
import lab.mobilenet.app.ui.render.Palette;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lessons view-model without a screen: same-thread executors make every call take effect at once. */
class LessonViewModelTest {

    @TempDir
    Path dir;

    private LessonViewModel vm;

    @BeforeEach
    void open() {
        vm = new LessonViewModel(new CatalogLessonSource(), UiExecutors.sameThread());
        vm.start();
    }

    private long macs() {
        return vm.frame().counters().macsDone();
    }

    @Test
    void startOpensTheFirstLessonOnTheDefaultPhoto() {
        LessonFrame f = vm.frame();
        assertNotNull(f);
        assertEquals("standard", f.lesson().id());
        assertEquals("chelsea.png", vm.photoProperty().get().name());
        assertEquals(0, f.position());
    }

    @Test
    void weightsOrKernelsArrivingKeepTheStepTheClassIsOn() {
        vm.granularityProperty().set(Granularity.MAC);
        for (int i = 0; i < 5; i++) {
            vm.next();
        }
        assertEquals(5, macs());
        vm.pretrainedProperty().set(new java.util.HashMap<>()); // a new set of weights: the lesson is rebuilt
        assertEquals(5, macs(), "rebuilt at the same multiply-add, not back at 0");
        vm.kernelsProperty().set(KernelChoice.LEARNED_V1_STEM);
        assertEquals(5, macs(), "other kernels, same multiply-add");
    }

    @Test
    void manyStartStepsAreTakenInOneGoAndStopAtTheEnd() {
        LessonViewModel other = new LessonViewModel(new CatalogLessonSource(), UiExecutors.sameThread());
        other.granularityProperty().set(Granularity.MAC);
        List<LessonFrame> published = new ArrayList<>();
        other.frameProperty().addListener((o, was, now) -> published.add(now));
        other.start("depthwise", "chelsea.png", 0, 30);
        assertEquals(30, other.frame().counters().macsDone(), "30 single multiply-adds");
        assertTrue(published.size() <= 3, "the opening frame and the stepped one, not one per step: " + published.size());

        LessonViewModel third = new LessonViewModel(new CatalogLessonSource(), UiExecutors.sameThread());
        third.granularityProperty().set(Granularity.MAC);
        published.clear();
        third.frameProperty().addListener((o, was, now) -> published.add(now));
        third.start("standard", "chelsea.png", 0, 50_000_000); // far more steps than the lesson has MACs
        LessonFrame end = third.frame();
        assertEquals(end.counters().macsTotal(), end.counters().macsDone(), "stepped to the end, and no further");
        assertTrue(published.size() <= 3, "frames published: " + published.size());
    }

    @Test
    void stepAtPixelGranularityAddsOneOutputValueOfMacs() {
        vm.granularityProperty().set(Granularity.PIXEL);
        var g = vm.frame().traces().get(0).trace().geometry();
        long perPixel = (long) g.inChannels() * g.kernel() * g.kernel(); // M·D_K² for a standard convolution
        assertEquals(27, perPixel, "the standard lesson convolves RGB with 3×3 kernels");
        vm.next();
        assertEquals(27, macs());
        vm.next();
        vm.next();
        assertEquals(81, macs());
    }

    @Test
    void stepAtMacGranularityAddsExactlyOne() {
        vm.granularityProperty().set(Granularity.MAC);
        vm.next();
        vm.next();
        assertEquals(2, macs());
    }

    @Test
    void stepAtRowGranularityAddsOneOutputRow() {
        vm.granularityProperty().set(Granularity.ROW);
        int outWidth = vm.frame().traces().get(0).output().width();
        vm.next();
        assertEquals(27L * outWidth, macs());
    }

    @Test
    void stepBackReturnsToThePreviousBoundary() {
        vm.granularityProperty().set(Granularity.PIXEL);
        vm.next();
        vm.next();
        vm.previous();
        assertEquals(27, macs());
        vm.previous();
        vm.previous();
        assertEquals(0, macs());
    }

    @Test
    void endAndHomeJumpToTheExtremes() {
        // a 96 × 64 photo: below the lesson's 112 px, so kept; same padding, stride 1
        vm.setPhoto(new Photo("grey", lab.mobilenet.lessons.Planes.of(3, 64, 96, new float[3 * 64 * 96])));
        vm.end();
        assertTrue(vm.frame().atEnd());
        assertEquals(27L * 4 * 96 * 64, macs(), "M·D_K² = 27 MACs per value, 4 kernels, 96 × 64 outputs");
        vm.home();
        assertEquals(0, macs());
    }

    @Test
    void upAndDownChangeTheGranularityOneNotchAtATime() {
        vm.granularityProperty().set(Granularity.PIXEL);
        vm.coarser();
        assertEquals(Granularity.ROW, vm.granularityProperty().get());
        vm.finer();
        vm.finer();
        assertEquals(Granularity.MAC, vm.granularityProperty().get());
        vm.finer();
        assertEquals(Granularity.MAC, vm.granularityProperty().get());
    }

    @Test
    void depthwiseLessonStepsNineMacsPerPixel() {
        vm.lessonProperty().set(LessonCatalog.DEPTHWISE);
        vm.granularityProperty().set(Granularity.PIXEL);
        vm.next();
        assertEquals(9, macs(), "D_K² = 9: a depthwise output reads one channel");
    }

    @Test
    void everyLessonOpens() {
        for (var lesson : vm.lessons()) {
            vm.lessonProperty().set(lesson);
            assertEquals(lesson, vm.frame().lesson(), lesson.id());
        }
    }

    @Test
    void openingAFileReplacesThePhoto() throws IOException {
        Path file = dir.resolve("wide.png");
        BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        img.setRGB(10, 10, 0xFF0000);
        ImageIO.write(img, "png", file.toFile());
        vm.openPhoto(file);
        assertEquals("wide.png", vm.photoProperty().get().name());
        var input = vm.frame().traces().get(0).trace().input();
        assertEquals(3.0, (double) input.width() / input.height(), 0.2, "the lesson now runs on the 3:1 photo");
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aCorruptFileKeepsThePhotoAndSaysWhy() throws IOException {
        Photo before = vm.photoProperty().get();
        Path bad = dir.resolve("broken.jpg");
        Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
        vm.openPhoto(bad);
        assertSame(before, vm.photoProperty().get());
        assertTrue(vm.errorProperty().get().contains("broken.jpg"), vm.errorProperty().get());
        assertFalse(vm.errorProperty().get().contains("\n"));
    }

    @Test
    void gifExportStepsFromTheCurrentPositionWithoutMovingTheLesson() throws IOException {
        vm.granularityProperty().set(Granularity.PIXEL);
        vm.next();
        Path out = dir.resolve("steps.gif");
        List<Path> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        vm.exportGif(out, 3, new FrameRenderer(Locale.ENGLISH, 640, 360, Palette.LIGHT), done::add, failed::add);
        assertEquals(List.of(out), done, failed.toString());
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(3, r.getNumImages(true));
            assertEquals(640, r.read(0).getWidth());
            r.dispose();
        }
        assertEquals(27, macs(), "the lesson on screen stayed where it was");
    }

    @Test
    void multipliersSelectionReachesTheTable() {
        vm.lessonProperty().set(LessonCatalog.MULTIPLIERS);
        vm.selectMultipliers(0.5, 160);
        var sel = vm.frame().multipliers().orElseThrow().selected();
        assertEquals(0.5, sel.alpha(), 1e-9);
        assertEquals(160, sel.resolution());
        vm.lessonProperty().set(LessonCatalog.STANDARD);
        vm.selectMultipliers(0.25, 96);
        assertEquals(LessonCatalog.STANDARD, vm.frame().lesson(), "other lessons ignore it");
    }

    @Test
    void changingGroupsRetracesTheGroupsLesson() {
        vm.lessonProperty().set(LessonCatalog.GROUPS);
        vm.groupsProperty().set(12);
        assertEquals(12, vm.frame().traces().get(0).trace().geometry().groups());
        vm.granularityProperty().set(Granularity.PIXEL);
        vm.next();
        assertEquals(9, macs(), "g = M: each output reads one channel");
    }

    @Test
    void gifExportStartsFromTheMultipliersChosenOnScreen() throws IOException {
        vm.lessonProperty().set(LessonCatalog.MULTIPLIERS);
        FrameRenderer renderer = new FrameRenderer(Locale.ENGLISH, 640, 360, Palette.LIGHT);
        Path defaults = dir.resolve("defaults.gif");
        lab.mobilenet.app.export.GifWriter.write(List.of(renderer.render(vm.frame())), 400, defaults);
        vm.selectMultipliers(0.5, 128);
        Path expected = dir.resolve("expected.gif");
        lab.mobilenet.app.export.GifWriter.write(List.of(renderer.render(vm.frame())), 400, expected);
        Path out = dir.resolve("multipliers.gif");
        List<String> failed = new ArrayList<>();
        vm.exportGif(out, 2, renderer, p -> { }, failed::add);
        assertEquals(List.of(), failed);
        int[] first = firstFrame(out);
        assertTrue(java.util.Arrays.equals(firstFrame(expected), first), "the GIF opens on α 0.5, 128 px");
        assertFalse(java.util.Arrays.equals(firstFrame(defaults), first), "and not on the default selection");
    }

    private static int[] firstFrame(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            BufferedImage img = r.read(0);
            r.dispose();
            return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        }
    }
}
