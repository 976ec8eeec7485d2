package lab.mobilenet.engine.runtime;

/**
 * A tensor computed inside one engine layer that timm computes in a submodule of its own: squeeze-excite's
 * {@code conv_reduce}, {@code act1}, {@code conv_expand} and {@code gate} (the engine runs the whole
 * squeeze-excite as one layer, timm as a module with four children).
 *
 * @param name       timm's module path, e.g. {@code blocks.2.0.se.gate}
 * @param nanos      measured time of that part, or 0 when the path that ran does not time parts separately
 *                   (one ND4J op per layer); it is included in the layer's own {@link LayerRun#nanos()}
 * @param activation the part's output ({@code [N, C, 1, 1]} for squeeze-excite's vectors)
 */
public record InnerRun(String name, long nanos, ActivationSnapshot activation) {
}
