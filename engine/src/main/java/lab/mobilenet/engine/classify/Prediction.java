package lab.mobilenet.engine.classify;

/** One class of a top-k answer: its ImageNet index (timm order) and softmax probability. */
public record Prediction(int index, float probability) {
}
