package lab.mobilenet.app.ui.photo;

/** A photo could not be used; the message is one line meant for the status bar. */
public final class PhotoException extends RuntimeException {

    public PhotoException(String message) {
        super(message);
    }

    public PhotoException(String message, Throwable cause) {
        super(message, cause);
    }
}
