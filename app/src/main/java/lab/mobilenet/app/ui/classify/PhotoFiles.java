package lab.mobilenet.app.ui.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns what was dropped or opened into the list of files to classify: a file stays as it is (even a bad one,
 * which then gets its own card saying why), a folder gives its image files, found a few levels deep, sorted by
 * path, at most {@link #MAX_FILES}. Blocking (it lists folders): run it in the background.
 */
public final class PhotoFiles {

    /** Extensions taken from folders; single files are taken whatever their name. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

    /** How many files one drop may queue (a whole photo library would take hours). */
    public static final int MAX_FILES = 500;

    /** How deep into a dropped folder to look. */
    public static final int MAX_DEPTH = 4;

    private PhotoFiles() {
    }

    /** Whether a name ends in one of {@link #IMAGE_EXTENSIONS}, in any case. */
    public static boolean looksLikeImage(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1));
    }

    /** The files to queue, in order: given files first as given, each folder's images in path order. */
    public static List<Path> expand(List<Path> given) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (out.size() >= MAX_FILES) {
                break;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, MAX_DEPTH)) {
                    s.filter(Files::isRegularFile).filter(PhotoFiles::looksLikeImage).sorted()
                            .limit(MAX_FILES - out.size()).forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
