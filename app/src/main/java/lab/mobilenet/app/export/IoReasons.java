package lab.mobilenet.app.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The reason behind an I/O error in the few words a user needs: the JDK puts the operating system's text
 * ("No space left on device") in different places for different exceptions, and its own class names
 * ({@code AccessDeniedException}) mean nothing to a teacher.
 */
final class IoReasons {
    private IoReasons() {
    }

    static String of(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getReason() == null ? "permission denied" : "permission denied (" + denied.getReason() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lower(fse.getReason());
        }
        // stream writes throw plain IOExceptions whose message is the system's text
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return lower(message.lines().findFirst().orElse(message).strip());
    }

    private static String lower(String reason) {
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
