package lab.mobilenet.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.mobilenet.app.export.LessonExporter;
import lab.mobilenet.app.export.OutputFileException;
import lab.mobilenet.app.ui.photo.PhotoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a lesson on a photo as a PNG frame or an animated GIF for slides, without a display. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a lesson frame (.png) or a stepping sequence (.gif, one output pixel per frame).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--lesson", required = true,
            description = "standard, depthwise, pointwise, separable, groups, im2col, multipliers, "
                    + "inverted-residual or squeeze-excite")
    String lesson;

    @Option(names = "--image", required = true, description = "the photo to run the lesson on")
    Path image;

    @Option(names = "--frames", defaultValue = "1", description = "frames of the GIF (default 1)")
    int frames;

    @Option(names = "--out", required = true, description = "output file: .png or .jpg (one frame) or .gif")
    Path out;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            LessonExporter.export(lesson, image, frames, out);
        } catch (PhotoException | IllegalArgumentException | OutputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
