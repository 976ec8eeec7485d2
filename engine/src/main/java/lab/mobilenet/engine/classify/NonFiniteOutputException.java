package lab.mobilenet.engine.classify;

/**
 * The network's output held NaN or infinity: a probability that is not a number is no prediction.
 * Extreme input values (a hand-made tensor) or extreme weights cause it; the message says which class
 * scores first went wrong.
 */
public final class NonFiniteOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NonFiniteOutputException(String message) {
        super(message);
    }
}
