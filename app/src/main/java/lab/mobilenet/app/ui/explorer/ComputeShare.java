package lab.mobilenet.app.ui.explorer;

import java.util.List;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionRow;

/**
 * Where the compute goes: the layer rows in four groups (1×1 convolutions, depthwise convolutions,
 * standard convolutions, everything else) with their MACs and measured time.
 *
 * @param macs   per group, in {@link #GROUPS} order
 * @param millis per group
 */
public record ComputeShare(long[] macs, double[] millis) {

    /** Keys of the groups, also their i18n suffixes. */
    public static final List<String> GROUPS = List.of("pointwise", "depthwise", "standard", "rest");

    public static int group(String layerType) {
        if (layerType.equals("pointwise")) {
            return 0;
        }
        if (layerType.equals("depthwise")) {
            return 1;
        }
        return layerType.startsWith("conv") ? 2 : 3;
    }

    public static ComputeShare of(Inspection ins) {
        long[] macs = new long[GROUPS.size()];
        double[] ms = new double[GROUPS.size()];
        for (InspectionRow r : ins.layerRows()) {
            int g = group(r.span().type());
            macs[g] += r.span().macs();
            ms[g] += r.millis();
        }
        return new ComputeShare(macs, ms);
    }

    public double macsShare(int g) {
        long t = 0;
        for (long m : macs) {
            t += m;
        }
        return t == 0 ? 0 : (double) macs[g] / t;
    }

    public double timeShare(int g) {
        double t = 0;
        for (double m : millis) {
            t += m;
        }
        return t == 0 ? 0 : millis[g] / t;
    }
}
