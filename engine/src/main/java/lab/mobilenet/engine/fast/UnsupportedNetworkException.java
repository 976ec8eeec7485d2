package lab.mobilenet.engine.fast;

/**
 * The fast path has no fused kernel for this network's shape of layers (e.g. Xception's pre-activation blocks,
 * grouped convolutions): callers run the inspection path instead. A separate type, so that a real bug in the plan
 * (an {@link IllegalArgumentException} on mismatched weights) is never mistaken for "not supported".
 */
public final class UnsupportedNetworkException extends RuntimeException {

    public UnsupportedNetworkException(String message) {
        super(message);
    }
}
