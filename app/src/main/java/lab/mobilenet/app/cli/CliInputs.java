package lab.mobilenet.app.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import lab.mobilenet.engine.image.ImageDecodeException;
import lab.mobilenet.engine.image.ImageLoader;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.io.NpyFormatException;

/** The network inputs the commands read (a photo or a {@code .npy} tensor), each failure one line. */
final class CliInputs {
    private CliInputs() {
    }

    /** The reason an input file could not be read, for "error: FILE: REASON". */
    static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : "cannot read: " + e.getMessage();
    }

    /** A 1x3xHxW tensor with H and W at least {@code minSide}. */
    static Npy.NpyArray readTensor(Path file, int minSide) {
        Npy.NpyArray t;
        try {
            t = Npy.read(file);
        } catch (NpyFormatException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UserInputException(file + ": " + reason(e), e);
        }
        long[] s = t.shape();
        if (s.length != 4 || s[0] != 1 || s[1] != 3 || s[2] < minSide || s[3] < minSide) {
            throw new UserInputException(file + ": expected a 1x3xHxW tensor" + (minSide > 1 ? " (H, W ≥ " + minSide + ")" : "")
                    + ", got " + Arrays.toString(s));
        }
        return t;
    }

    /** The photo, decoded and preprocessed for {@code config}. */
    static ModelInput readImage(Path image, PreprocessConfig config) {
        try {
            return Preprocessor.prepare(ImageLoader.load(image), config);
        } catch (ImageDecodeException e) {
            throw new UserInputException(image + ": " + e.reason(), e);
        } catch (IOException e) {
            throw new UserInputException(image + ": " + reason(e), e);
        }
    }
}
