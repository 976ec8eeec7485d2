package lab.mobilenet.engine.inspect;

import lab.mobilenet.engine.model.Shape;

/**
 * One of timm's modules, mapped onto the engine's flat layer list: the layers {@code first..last}
 * (inclusive) compute it, so its output is the output of layer {@code last}. Costs come from the cost
 * model, from shapes alone, summed over those layers. An inner module is one computed inside a single
 * engine layer ({@code first == last}): squeeze-excite's {@code conv_reduce}, {@code act1},
 * {@code conv_expand}, {@code gate}; its output is one of that layer's {@link lab.mobilenet.engine.runtime.InnerRun}s.
 *
 * @param name         timm's module path: {@code bn1} (batch norm and its activation), {@code blocks.3.2},
 *                     {@code blocks.3}, {@code blocks.3.0.se.gate}
 * @param bytesRead    activation bytes read plus weight bytes (everything the layers load)
 * @param bytesWritten activation bytes written
 * @param inner        whether this is an inner module (its output is not layer {@code last}'s output)
 */
public record ModuleSpan(String name, RowKind kind, String type, int first, int last, Shape input, Shape output,
                         long macs, long params, long bytesRead, long bytesWritten, boolean inner) {

    /** Multiply-accumulates per byte moved: the x axis of a roofline. */
    public double intensity() {
        long bytes = bytesRead + bytesWritten;
        return bytes == 0 ? 0 : (double) macs / bytes;
    }

    /** Whether the engine layer at {@code index} is one of this module's. */
    public boolean covers(int index) {
        return index >= first && index <= last;
    }
}
