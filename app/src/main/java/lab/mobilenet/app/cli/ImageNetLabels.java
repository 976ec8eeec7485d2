package lab.mobilenet.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 1000 ImageNet-1k class names in timm's order, bundled in the jar (see assets/labels/LICENSE.md). */
public final class ImageNetLabels {

    private static final String RESOURCE = "/assets/labels/imagenet1k_labels.txt";
    private static volatile List<String> names;

    private ImageNetLabels() {
    }

    /** The first synonym of class {@code index}, e.g. "tench" for 0; "class 1234" outside 0..999. */
    public static String name(int index) {
        List<String> all = all();
        if (index < 0 || index >= all.size()) {
            return "class " + index;
        }
        String full = all.get(index);
        int comma = full.indexOf(',');
        return comma < 0 ? full : full.substring(0, comma);
    }

    public static List<String> all() {
        List<String> n = names;
        if (n == null) {
            n = read();
            names = n;
        }
        return n;
    }

    private static List<String> read() {
        try (InputStream in = ImageNetLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            }
            if (lines.size() != 1000) {
                throw new IllegalStateException(RESOURCE + " has " + lines.size() + " names, expected 1000");
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
