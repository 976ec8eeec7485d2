package lab.mobilenet.engine.inspect;

import java.util.List;
import java.util.Map;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * The result of inspecting a network on one input (or of the part run so far): immutable, safe to hand
 * to another thread.
 *
 * @param rows    the rows whose last layer has run, in the plan's order
 * @param outputs the kept module outputs by row name
 * @param layersRun how many of the network's engine layers have run
 */
public record Inspection(InspectionPlan plan, boolean untrained, List<InspectionRow> rows,
                         Map<String, ActivationSnapshot> outputs, int layersRun) {

    public Inspection {
        rows = List.copyOf(rows);
        outputs = Map.copyOf(outputs);
    }

    /** Whether every layer has run. */
    public boolean complete() {
        return layersRun == plan.network().layers().size();
    }

    public InspectionRow row(String name) {
        for (InspectionRow r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    public List<InspectionRow> layerRows() {
        return rows.stream().filter(r -> r.kind() == RowKind.LAYER).toList();
    }

    /** MACs of the layer rows that have run. */
    public long macs() {
        return layerRows().stream().mapToLong(r -> r.span().macs()).sum();
    }

    /** Bytes read and written by the layer rows that have run. */
    public long bytesMoved() {
        return layerRows().stream().mapToLong(r -> r.span().bytesRead() + r.span().bytesWritten()).sum();
    }

    /** Measured milliseconds of the layer rows that have run. */
    public double millis() {
        return layerRows().stream().mapToDouble(InspectionRow::millis).sum();
    }
}
