package lab.mobilenet.engine.inspect;

import lab.mobilenet.engine.model.Shape;

/**
 * One of timm's modules, mapped onto the engine's flat layer list: the layers {@code first..last}
 * (inclusive) compute it, so its output is the output of layer {@code last}. Costs come from the cost
 * model, from shapes alone, summed over those layers.
 *
 * @param name         timm's module path: {@code bn1} (batch norm and its activation), {@code blocks.3.2}, {@code blocks.3}
 * @param bytesRead    activation bytes read plus weight bytes (everything the layers load)
 * @param bytesWritten activation bytes written
 */
public record ModuleSpan(String name, RowKind kind, String type, int first, int last, Shape input, Shape output,
                         long macs, long params, long bytesRead, long bytesWritten) {

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
