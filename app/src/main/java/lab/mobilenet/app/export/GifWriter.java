package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated GIF with the JDK's GIF writer: each frame gets a delay, and the first carries
 * the Netscape application extension that makes viewers loop forever (slides play it on repeat).
 */
public final class GifWriter {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    /** Writes {@code frames} (at least one) to {@code target} atomically, {@code delayMillis} per frame. */
    public static void write(List<BufferedImage> frames, int delayMillis, Path target) {
        write(frames.size(), frames::get, delayMillis, target);
    }

    /**
     * Writes {@code count} frames (at least one) to {@code target} atomically, asking {@code frame} for each
     * one just before it is encoded, so only one frame is in memory at a time.
     */
    public static void write(int count, IntFunction<BufferedImage> frame, int delayMillis, Path target) {
        if (count < 1) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        // streamed into the target's .part: ImageIO's OutputStream wrapper would stage it in java.io.tmpdir
        AtomicFiles.writeFile(target, part -> encode(count, frame, delayMillis, part));
    }

    private static void encode(int count, IntFunction<BufferedImage> frames, int delayMillis, Path part)
            throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("this Java runtime has no GIF writer");
        }
        ImageWriter writer = it.next();
        try (ImageOutputStream ios = new FileImageOutputStream(part.toFile())) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < count; i++) {
                BufferedImage img = toRgb(frames.apply(i));
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img),
                        writer.getDefaultWriteParam());
                configure(meta, delayMillis, i == 0);
                writer.writeToSequence(new IIOImage(img, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Frame delay (in hundredths of a second), full replacement, and on the first frame the loop extension. */
    private static void configure(IIOMetadata meta, int delayMillis, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** The GIF writer wants an opaque RGB image. */
    private static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
