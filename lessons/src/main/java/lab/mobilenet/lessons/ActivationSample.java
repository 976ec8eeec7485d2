package lab.mobilenet.lessons;

/** One point (x, f(x)) of an activation function, for plotting it next to its formula. */
public record ActivationSample(float x, float y) {
}
