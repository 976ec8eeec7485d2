package lab.mobilenet.engine.checkpoint;

/** A well-formed checkpoint whose tensors do not fit the network: missing, unexpected or mis-shaped keys. */
public final class CheckpointMismatchException extends Exception {

    public CheckpointMismatchException(String message) {
        super(message);
    }
}
