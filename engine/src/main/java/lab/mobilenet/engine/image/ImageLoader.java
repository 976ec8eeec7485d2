package lab.mobilenet.engine.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a photo file into an upright 8-bit {@link RgbImage}, giving the pixels PIL's
 * {@code ImageOps.exif_transpose(Image.open(f)).convert("RGB")} gives.
 *
 * <p>Decoding goes through ImageIO with the TwelveMonkeys plugins (JPEG including CMYK and YCCK, WebP)
 * next to the JDK's own (PNG, BMP, GIF). The picture's size is read from its header first and the file
 * is refused before any pixel memory is allocated when it has more than {@code maxPixels} pixels.
 * Embedded RGB or gray ICC profiles are not applied, because PIL, and so timm, ignores them; CMYK
 * pictures are converted by TwelveMonkeys (with their ICC profile when they carry one, otherwise with
 * the same plain formula PIL uses). Any failure to decode is an {@link ImageDecodeException}.
 */
public final class ImageLoader {
    /** Default bound on width × height: 100 megapixels (300 MB of RGB). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** Default bound on the time one decode may take, checked on every read of the file. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    /** Largest picture an {@link RgbImage} can hold: its byte array is indexed by {@code int}. */
    public static final long HARD_MAX_PIXELS = (Integer.MAX_VALUE - 8) / 3;

    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

    private ImageLoader() {
    }

    /** Loads {@code file} with the {@link #DEFAULT_MAX_PIXELS} bound. */
    public static RgbImage load(Path file) throws IOException, ImageDecodeException {
        return load(file, DEFAULT_MAX_PIXELS);
    }

    /**
     * Loads {@code file}, refusing pictures of more than {@code maxPixels} pixels before decoding them.
     *
     * @throws NoSuchFileException   the file does not exist
     * @throws AccessDeniedException the file cannot be read
     * @throws ImageDecodeException  the file is not a picture we can decode, is corrupt, or is too large
     */
    public static RgbImage load(Path file, long maxPixels) throws IOException, ImageDecodeException {
        return load(file, maxPixels, DEFAULT_TIME_LIMIT);
    }

    /**
     * Loads {@code file} with both bounds: at most {@code maxPixels} pixels (checked from the header,
     * before decoding) and at most {@code timeLimit} of decoding (checked on every read of the file, so a
     * decoder spinning on data that has ended is stopped too; see {@link GuardedInput}).
     */
    public static RgbImage load(Path file, long maxPixels, Duration timeLimit) throws IOException, ImageDecodeException {
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("timeLimit must not be negative, got " + timeLimit);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new ImageDecodeException(file, "is a directory, not an image file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new ImageDecodeException(file, "the file is empty");
        }
        ImagePlugins.ensureRegistered();
        try (GuardedInput input = new GuardedInput(file.toFile(), timeLimit.toMillis())) {
            ImageReader reader = firstReader(input, file);
            try {
                reader.setInput(input);
                RgbImage stored = decode(reader, file, Math.min(maxPixels, HARD_MAX_PIXELS));
                if (input.tripped() != null) { // a reader that swallowed the guard's exception and went on
                    throw new ImageDecodeException(file, guarded(input.tripped()).orElseThrow(), input.tripped());
                }
                return ExifOrientation.apply(stored, ExifOrientation.read(file));
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader firstReader(GuardedInput input, Path file) throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (input.tripped() != null) { // the format probes swallow I/O errors
            throw new ImageDecodeException(file, guarded(input.tripped()).orElseThrow(), input.tripped());
        }
        if (!readers.hasNext()) {
            throw new ImageDecodeException(file, "not a recognised image format (readable: "
                    + String.join(", ", ImagePlugins.formatNames()) + ")");
        }
        return readers.next();
    }

    private static RgbImage decode(ImageReader reader, Path file, long maxPixels) throws ImageDecodeException {
        String format = formatName(reader);
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(file, guarded(e).orElse("unreadable " + format + " header (" + oneLine(e) + ")"), e);
        }
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException(file, format + " header gives an impossible size " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageDecodeException(file, String.format(Locale.ROOT,
                    "%dx%d is %,d pixels, more than the limit of %,d; refused before decoding",
                    width, height, pixels, maxPixels));
        }
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            ImageTypeSpecifier stored = storedValuesType(reader);
            if (stored != null) {
                param.setDestinationType(stored);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0, param);
            for (String warning : warnings) {
                // JPEG readers fill missing data with grey and only warn; PIL refuses such files
                String lower = warning.toLowerCase(Locale.ROOT);
                if (lower.contains("truncated") || lower.contains("premature end")) {
                    throw new ImageDecodeException(file, "truncated " + format + " data (" + oneLine(warning) + ")");
                }
                LOG.warn("{}: {}", file.getFileName(), oneLine(warning));
            }
            return RgbConversion.toRgb(image);
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(file, guarded(e).orElse("corrupt or truncated " + format + " data ("
                    + oneLine(e) + ")"), e);
        } catch (OutOfMemoryError e) {
            // the one large allocation failed and is gone; the heap is usable again
            throw new ImageDecodeException(file, "not enough memory to decode " + width + "x" + height
                    + " pixels; lower the pixel limit or raise -Xmx", e);
        }
    }

    /**
     * When the file carries a non-sRGB RGB or gray ICC profile, readers convert to sRGB by default.
     * Asking for the raw type instead keeps the stored values, as PIL does. Null: read as usual.
     */
    private static ImageTypeSpecifier storedValuesType(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            return null;
        }
        ColorSpace cs = raw.getColorModel().getColorSpace();
        boolean rgbOrGray = cs.getType() == ColorSpace.TYPE_RGB || cs.getType() == ColorSpace.TYPE_GRAY;
        boolean standard = cs.isCS_sRGB() || cs == ColorSpace.getInstance(ColorSpace.CS_GRAY)
                || !(cs instanceof ICC_ColorSpace);
        return rgbOrGray && !standard ? raw : null;
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    /** The reason when one of {@link GuardedInput}'s guards stopped the decoder (readers may wrap it). */
    private static Optional<String> guarded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedInput.DeadlineException || t instanceof InterruptedIOException) {
                return Optional.of(t.getMessage() + "; refused");
            }
            if (t instanceof GuardedInput.DataExhaustedException) {
                return Optional.of("truncated data: " + t.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The first line of the exception's message, or its class name when it has none. */
    private static String oneLine(Throwable e) {
        String line = oneLine(e.getMessage());
        return line.isEmpty() ? e.getClass().getSimpleName() : line;
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
