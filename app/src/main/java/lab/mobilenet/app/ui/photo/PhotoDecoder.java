package lab.mobilenet.app.ui.photo;

import lab.mobilenet.app.ui.concurrent.Background;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import lab.mobilenet.engine.image.ImageDecodeException;
import lab.mobilenet.engine.image.ImageLoader;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.lessons.Planes;

/**
 * Turns image bytes into a {@link Photo}: reads the size first and refuses absurd images before allocating,
 * decodes (files and bundled streams alike through the engine's loader), drops alpha, turns grey into
 * three equal channels, and shrinks to {@link #WORKING_SIDE}. Blocking: call it from the compute executor,
 * never the FX thread.
 */
public final class PhotoDecoder {

    /** Longest side kept after decoding; the lessons work on far smaller copies. */
    public static final int WORKING_SIDE = 256;

    /** Largest image accepted, in pixels (a 10 000 × 10 000 photo would need 400 MB as ARGB). */
    public static final long MAX_PIXELS = 60_000_000L;

    private PhotoDecoder() {
    }

    /**
     * Decodes a file with the engine's {@link ImageLoader} (TwelveMonkeys plugins for CMYK JPEG and WebP, EXIF
     * orientation, size bound checked before decoding); any failure is a {@link PhotoException} with a
     * one-line message naming the file.
     */
    public static Photo decode(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        RgbImage img = load(file);
        Planes planes = Planes.fromRgb(img.width(), img.height(), img.rgb());
        return new Photo(name, planes.downscaleToLongestSide(WORKING_SIDE), img);
    }

    /**
     * The file's full-size pixels (at most {@link #MAX_PIXELS}), for the lessons and the classify page alike;
     * any failure is a {@link PhotoException} with a one-line message naming the file.
     */
    public static RgbImage load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return ImageLoader.load(file, MAX_PIXELS);
        } catch (ImageDecodeException e) {
            throw new PhotoException(Background.oneLine(e), e);
        } catch (NoSuchFileException e) {
            throw new PhotoException(name + ": no such file", e);
        } catch (IOException e) {
            throw new PhotoException(name + ": cannot be read (" + Background.oneLine(e) + ")", e);
        }
    }

    /**
     * Decodes a stream (e.g. a bundled class-path photo) named {@code name}, through the same engine loader as a
     * file: the stream is staged in a temporary file, so a bundled photo has exactly the pixels that
     * {@code classify} and timm's transform see (ImageIO's own JPEG decoder gives other pixels).
     */
    public static Photo decode(String name, InputStream in) {
        Path staged = null;
        try {
            String suffix = name.contains(".") ? name.substring(name.lastIndexOf('.')) : ".img";
            staged = Files.createTempFile("mobilenet-lab-photo-", suffix);
            Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            Photo p = decode(staged);
            return new Photo(name, p.planes(), p.full());
        } catch (IOException e) {
            throw new PhotoException(name + " could not be read (" + Background.oneLine(e) + ")", e);
        } catch (PhotoException e) {
            String line = e.getMessage().replace(staged.getFileName().toString(), name);
            throw new PhotoException(line, e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless; the decode's outcome is what matters
                }
            }
        }
    }

    /** RGB planes of any BufferedImage, alpha ignored. */
    public static Planes toPlanes(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        return Planes.fromArgb(w, h, argb);
    }

    /** The image as 8-bit interleaved RGB, alpha dropped (what the block lessons resize for the network). */
    public static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return RgbImage.of(w, h, rgb);
    }
}
