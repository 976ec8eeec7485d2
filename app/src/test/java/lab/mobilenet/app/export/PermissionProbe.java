package lab.mobilenet.app.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes one small file with {@link AtomicFiles} and prints "ok" or the exception's message: run by
 * {@link FileOutputFailuresTest} as an unprivileged user, because root ignores permission bits.
 */
public final class PermissionProbe {
    private PermissionProbe() {
    }

    public static void main(String[] args) {
        System.out.println(attempt(Path.of(args[0])));
    }

    static String attempt(Path target) {
        try {
            AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
            return "ok";
        } catch (OutputFileException e) {
            return e.getMessage();
        }
    }
}
