package lab.mobilenet.app.cli;

/** Bad input from the user (a file, a value): reported as one line, exit status 2, no stack trace. */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
