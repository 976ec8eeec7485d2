package lab.mobilenet.engine.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation tag (0x0112): cameras store the sensor's pixels as they came and note how the
 * picture must be turned to stand upright. Values 1..8; 1 means "as stored". Applying it gives the
 * same pixels as PIL's {@code ImageOps.exif_transpose}.
 */
final class ExifOrientation {
    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {
    }

    /**
     * The orientation recorded in {@code file}, or 1 when there is none. The pixels have already been
     * decoded when this runs, so unreadable metadata only costs the rotation: it is logged, not fatal.
     * That includes the library's own I/O errors (an {@code EOFException} on a chunk that claims more
     * bytes than the file has, which the image decoder never needed) and its {@code Error}s on hostile
     * input ({@code StackOverflowError} on deeply nested directories); out-of-memory is left alone.
     */
    static int read(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return 1;
            }
            int value = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            if (value < 1 || value > 8) {
                LOG.warn("{}: ignoring EXIF orientation {}, not in 1..8", file.getFileName(), value);
                return 1;
            }
            return value;
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException
                 | StackOverflowError e) {
            LOG.warn("{}: EXIF metadata unreadable, keeping the stored orientation ({})", file.getFileName(),
                    e.toString());
            return 1;
        }
    }

    /** {@code image} turned upright according to EXIF orientation {@code orientation} (1..8). */
    static RgbImage apply(RgbImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swaps = orientation >= 5; // 5..8 exchange width and height
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        byte[] in = image.data();
        byte[] out = new byte[in.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                // (sx, sy): where output pixel (x, y) comes from in the stored picture
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }            // mirrored left-right
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }    // upside down
                    case 4 -> { sx = x; sy = h - 1 - y; }            // mirrored top-bottom
                    case 5 -> { sx = y; sy = x; }                    // transposed
                    case 6 -> { sx = y; sy = h - 1 - x; }            // needs 90 degrees clockwise
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }    // transversed
                    case 8 -> { sx = w - 1 - y; sy = x; }            // needs 90 degrees anticlockwise
                    default -> throw new IllegalArgumentException("EXIF orientation must be 1..8, got "
                            + orientation);
                }
                int src = (sy * w + sx) * 3;
                int dst = (y * ow + x) * 3;
                out[dst] = in[src];
                out[dst + 1] = in[src + 1];
                out[dst + 2] = in[src + 2];
            }
        }
        return RgbImage.wrap(ow, oh, out);
    }
}
