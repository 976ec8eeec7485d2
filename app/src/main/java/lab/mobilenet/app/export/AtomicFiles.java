package lab.mobilenet.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old file or the complete new one, never half of it: the
 * bytes go to a {@code .part} file beside the target (same directory, same disk), which is flushed to the
 * disk and then moved over the target.
 *
 * <ul>
 *   <li>Failures from the user's environment (permission denied, no space left, a directory or a read-only
 *       disk in the way) become an {@link OutputFileException} with that reason; the target is untouched
 *       and the {@code .part} removed.</li>
 *   <li>A read-only target is not replaced (a rename could, since only the directory's permission counts).</li>
 *   <li>A replaced file keeps its permission bits (a rename would otherwise give it the new file's).</li>
 *   <li>A process killed while writing leaves its {@code .part}; the next write into that directory removes
 *       ours ({@link #PART_NAME}) that are older than the current process.</li>
 * </ul>
 */
public final class AtomicFiles {

    /** What writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** What writes the content to a file of its own (e.g. ImageIO's random-access image streams). */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path part) throws IOException;
    }

    /** How the bytes reach the disk; tests replace it to make the disk fail. */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path part) throws IOException;
    }

    /** Our temporary names: {@code .<target name>.<random UUID>.part}. */
    static final Pattern PART_NAME = Pattern.compile(
            "\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.part");

    private static final Opener DISK = part -> Files.newOutputStream(part, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    private static final long PROCESS_START = ManagementFactory.getRuntimeMXBean().getStartTime();

    private AtomicFiles() {
    }

    /** Writes {@code writer}'s bytes atomically; on failure the target is untouched and the {@code .part} removed. */
    public static void write(Path target, Writer writer) {
        write(target, writer, DISK);
    }

    static void write(Path target, Writer writer, Opener opener) {
        writeFile(target, part -> {
            try (OutputStream out = opener.open(part)) {
                writer.write(out);
            }
        });
    }

    /**
     * Like {@link #write(Path, Writer)} for writers that want a file: {@code writer} fills the {@code .part}
     * path it is given (which exists and is empty).
     */
    public static void writeFile(Path target, FileWriter writer) {
        Path abs = target.toAbsolutePath();
        Path part = null;
        try {
            if (Files.isDirectory(abs)) {
                throw new FileSystemException(abs.toString(), null, "is a directory");
            }
            if (Files.exists(abs) && !Files.isWritable(abs)) {
                // a rename would replace it all the same; the user marked it read-only, so respect that
                throw new AccessDeniedException(abs.toString(), null, "the file is read-only");
            }
            Path dir = abs.getParent();
            Files.createDirectories(dir);
            removeStaleParts(dir);
            // Not Files.createTempFile: its owner-only permissions would stick to the exported file.
            part = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + ".part");
            Files.createFile(part);
            writer.write(part);
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true); // on the disk before the rename makes it the target
            }
            keepPermissions(abs, part);
            try {
                Files.move(part, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(part, e);
            throw new OutputFileException(target, IoReasons.of(e), e);
        }
    }

    /** The replaced file's permission bits go to its successor (POSIX file systems only). */
    private static void keepPermissions(Path target, Path part) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (old != null && Files.exists(target)) {
            Files.setPosixFilePermissions(part, old.readAttributes().permissions());
        }
    }

    /**
     * Deletes our {@code .part} files in {@code dir} that are older than this process: their writer was
     * killed. A {@code .part} of another process still writing is newer than its last write, which (for
     * a process started before ours) we cannot tell from a dead one: so also leave any touched in the last
     * minute. Best effort: a file we cannot delete stays.
     */
    static int removeStaleParts(Path dir) {
        long cutoff = Math.min(PROCESS_START, System.currentTimeMillis() - 60_000);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path file : files) {
                if (PART_NAME.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (modified.toMillis() < cutoff && Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is a courtesy; the write itself reports real problems
        }
        return removed;
    }

    private static void deleteQuietly(Path part, IOException cause) {
        if (part == null) {
            return;
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
