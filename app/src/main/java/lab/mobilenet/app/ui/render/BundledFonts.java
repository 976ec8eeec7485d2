package lab.mobilenet.app.ui.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The CJK font that travels in the jar, so Chinese and Korean render on a machine without any CJK font.
 * It is a subset of Noto Sans CJK SC (SIL OFL 1.1, licence in {@code assets/fonts/OFL.txt}) holding the
 * characters of the app's texts plus Latin, Greek, punctuation and mathematical signs, so one face shows a
 * whole mixed string. {@code tools/make_cjk_fonts.py} regenerates it from the texts.
 *
 * <p>This class is toolkit-neutral: it names the resources and builds the Java2D fonts for the exporter; the
 * JavaFX side ({@code theme.Styles}) loads the same files into the FX font registry.
 */
public final class BundledFonts {

    /** Family name inside both files. */
    public static final String FAMILY = "MobileNet Lab CJK";

    /** Class-path resources: regular, then bold. */
    public static final List<String> RESOURCES = List.of("/assets/fonts/MobileNetLabCJK-Regular.otf",
            "/assets/fonts/MobileNetLabCJK-Bold.otf");

    private BundledFonts() {
    }

    /** Opens one of {@link #RESOURCES}; fails loudly if the jar was built without it. */
    public static InputStream open(String resource) {
        InputStream in = BundledFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font missing from the class path: " + resource);
        }
        return in;
    }

    /** The Java2D face at size 1 (derive the size you need). */
    public static Font awt(boolean bold) {
        return bold ? Awt.BOLD : Awt.REGULAR;
    }

    /** Reads a Java2D font from a resource (OpenType with CFF outlines). */
    static Font read(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("not a font: " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Loaded on first use only: the exporter needs it, the window does not. */
    private static final class Awt {
        static final Font REGULAR = read(RESOURCES.get(0));
        static final Font BOLD = read(RESOURCES.get(1));
    }
}
