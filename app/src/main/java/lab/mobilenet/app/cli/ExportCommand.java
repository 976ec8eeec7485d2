package lab.mobilenet.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.mobilenet.app.export.LessonExporter;
import lab.mobilenet.app.export.OutputFileException;
import lab.mobilenet.app.ui.photo.PhotoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import java.util.Optional;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import picocli.CommandLine.Spec;

/** {@code export}: a lesson on a photo as a PNG frame or an animated GIF for slides, without a display. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a lesson frame (.png) or a stepping sequence (.gif, one output pixel per frame).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--lesson", required = true,
            description = "standard, depthwise, pointwise, separable, groups, im2col, multipliers, "
                    + "inverted-residual, squeeze-excite or linear-bottleneck (its GIF steps n = 2, 3, …)")
    String lesson;

    @Option(names = "--image", required = true, description = "the photo to run the lesson on")
    Path image;

    @Option(names = "--frames", defaultValue = "1", description = "frames of the GIF (default 1)")
    int frames;

    @Option(names = "--out", required = true, description = "output file: .png or .jpg (one frame) or .gif")
    Path out;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @Option(names = "--weights", description = "lessons 8 and 9: a timm model.safetensors of their network "
            + "(default: the stored one, else untrained)")
    Path weightsFile;

    @Option(names = "--untrained", description = "lessons 8 and 9: the seeded initialisation")
    boolean untrained;

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Architecture> network;
        try {
            network = LessonExporter.network(lesson);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        WeightsLoading.Loaded loaded = network.isEmpty() ? null : WeightsLoading.load(NetworkBuilder.build(
                network.get(), 1.0), weightsFile, untrained, cli, spec.commandLine().getErr(),
                WeightsLoading.WhenMissing.UNTRAINED);
        try {
            LessonExporter.export(lesson, image, frames, out, loaded == null || loaded.untrained() ? null : loaded.weights());
        } catch (PhotoException | IllegalArgumentException | OutputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        } finally {
            if (loaded != null) {
                loaded.weights().close();
            }
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
