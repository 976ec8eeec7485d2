package lab.mobilenet.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's environment fails the write: a full disk, no permission, a directory in the way, a
 * read-only file. Each is one clear reason, the old file stays as it was, and no {@code .part} remains.
 * The disk failures are injected (an output stream that fails like a full disk); the permission cases run
 * for real, as the unprivileged user {@code nobody} when the tests run as root (root ignores permissions).
 */
class FileOutputFailuresTest {
    @TempDir
    Path dir;

    /** A disk with {@code room} bytes free: then it fails as Linux reports ENOSPC to Java. */
    private static AtomicFiles.Opener diskWithRoom(int room) {
        return part -> new FilterOutputStream(Files.newOutputStream(part)) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > room) {
                    throw new IOException("No space left on device");
                }
                super.write(b);
            }
        };
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskIsReportedAsSuchAndTheOldFileSurvives() throws IOException {
        Path target = Files.writeString(dir.resolve("slide.png"), "old");
        OutputFileException e = assertThrows(OutputFileException.class, () -> AtomicFiles.write(target,
                out -> out.write(new byte[5000]), diskWithRoom(1000)));
        assertEquals("cannot write " + target + ": no space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("slide.png"), names());
    }

    @Test
    void aDeniedOpenIsPermissionDenied() throws IOException {
        Path target = dir.resolve("slide.png");
        OutputFileException e = assertThrows(OutputFileException.class, () -> AtomicFiles.write(target,
                out -> out.write(1), part -> {
                    throw new AccessDeniedException(part.toString());
                }));
        assertEquals("permission denied", e.reason());
        assertEquals(List.of(), names());
    }

    @Test
    void aDirectoryInTheWayIsNamed() throws IOException {
        Path target = Files.createDirectory(dir.resolve("slides.png"));
        OutputFileException e = assertThrows(OutputFileException.class,
                () -> AtomicFiles.write(target, out -> out.write(1)));
        assertEquals("is a directory", e.reason());
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("shared.png"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void staleTemporaryFilesOfAKilledExportAreRemovedAndNothingElse() throws IOException {
        FileTime yesterday = FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1));
        Path stale = Files.writeString(dir.resolve(".slide.gif." + UUID.randomUUID() + ".part"), "half");
        Files.setLastModifiedTime(stale, yesterday);
        Path fresh = Files.writeString(dir.resolve(".other.gif." + UUID.randomUUID() + ".part"), "writing");
        Path notOurs = Files.writeString(dir.resolve(".download.part"), "someone else's");
        Files.setLastModifiedTime(notOurs, yesterday);
        AtomicFiles.write(dir.resolve("slide.gif"), out -> out.write(1));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh), "a .part written now may belong to a live export");
        assertTrue(Files.exists(notOurs), "only our own name pattern is touched");
    }

    @Test
    void aGifIsStreamedBesideItsTargetNotStagedInTheTemporaryDirectory() throws IOException {
        // ImageIO's OutputStream wrapper caches in its cache directory: make that directory vanish
        File cache = Files.createDirectory(dir.resolve("cache")).toFile();
        ImageIO.setCacheDirectory(cache);
        try {
            Files.delete(cache.toPath());
            Path gif = dir.resolve("steps.gif");
            GifWriter.write(List.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)), 100, gif);
            assertEquals(8, ImageIO.read(gif.toFile()).getWidth());
            Path png = dir.resolve("frame.png");
            LessonExporter.writePng(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB), png);
            assertEquals(4, ImageIO.read(png.toFile()).getWidth());
        } finally {
            ImageIO.setCacheDirectory(null);
        }
    }

    /** Runs {@link PermissionProbe} on {@code target} as a user the permission bits apply to. */
    private static String asUnprivilegedUser(Path target) throws Exception {
        // the owner of /proc/self is this process's uid; permission bits do not bind uid 0, whatever its name
        if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") != 0) {
            return PermissionProbe.attempt(target); // permissions already apply to us
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classes = Path.of("target/test-classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target/classes").toAbsolutePath();
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                java, "-cp", classes, PermissionProbe.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void aDirectoryWithoutWritePermissionAndAReadOnlyFileArePermissionDenied() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path readOnly = Files.writeString(dir.resolve("final.png"), "keep me");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        try {
            Path inLocked = locked.resolve("slide.png");
            assertEquals("cannot write " + inLocked + ": permission denied", asUnprivilegedUser(inLocked));
            assertEquals("cannot write " + readOnly + ": permission denied (the file is read-only)",
                    asUnprivilegedUser(readOnly));
            assertEquals("keep me", Files.readString(readOnly));
            assertArrayEquals(new String[0], locked.toFile().list());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
